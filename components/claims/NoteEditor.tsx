"use client";

import { useId, useState, type FormEvent } from "react";

interface Props {
  note: string;
  busy: boolean;
  /** Resolves true when the server saved the note. */
  onSave(note: string): Promise<boolean>;
}

const NOTE_MAX = 5000;

export function NoteEditor({ note, busy, onSave }: Props) {
  const id = useId();
  // Only the editor's unsaved text is state; otherwise the saved note shows (and a reload updates it).
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? note;
  const dirty = draft !== null && draft !== note;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (dirty && (await onSave(value))) setDraft(null);
  }

  return (
    <form className="claim-note-form" onSubmit={submit}>
      <label htmlFor={id}>Note</label>
      <textarea
        id={id}
        value={value}
        maxLength={NOTE_MAX}
        // Read-only rather than disabled while saving: the caret stays where the editor left it.
        readOnly={busy}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" disabled={busy || !dirty}>
        Save note
      </button>
    </form>
  );
}
