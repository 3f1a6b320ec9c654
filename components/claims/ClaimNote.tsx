/** A note is plain text: React escapes it, and pre-wrap keeps the editor's line breaks. */
export function ClaimNote({ note }: { note: string }) {
  if (!note.trim()) return null;
  return (
    <div className="claim-note">
      <span className="claim-field-label">Note</span>
      <p>{note}</p>
    </div>
  );
}
