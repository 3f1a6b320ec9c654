"use client";

import { useState } from "react";
import type { SourceView } from "@/lib/claims/types";
import { SourceForm, type NewSource } from "./SourceForm";
import { SourceList } from "./SourceList";
import { useReturnFocus } from "./useReturnFocus";

interface Props {
  sources: SourceView[];
  currentUserId: string;
  busy: boolean;
  onAdd(source: NewSource): Promise<boolean>;
  onRemove(source: SourceView): void;
}

/** The author's view of the sources: the list with remove buttons, and the "Add source" form. */
export function SourcesEditor({ sources, currentUserId, busy, onAdd, onRemove }: Props) {
  const [adding, setAdding] = useState(false);
  const addButtonRef = useReturnFocus<HTMLButtonElement>(adding);

  async function save(source: NewSource) {
    const saved = await onAdd(source);
    if (saved) setAdding(false);
    return saved;
  }

  return (
    <div className="claim-section">
      <h3 className="claim-section-title">Sources ({sources.length})</h3>
      <SourceList sources={sources} currentUserId={currentUserId} onRemove={onRemove} busy={busy} />
      {adding ? (
        <SourceForm busy={busy} onSave={save} onCancel={() => setAdding(false)} />
      ) : (
        <button ref={addButtonRef} type="button" onClick={() => setAdding(true)} disabled={busy}>
          Add source
        </button>
      )}
    </div>
  );
}
