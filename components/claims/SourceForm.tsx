"use client";

import { useId, useState, type FormEvent } from "react";
import { sourceSchema } from "@/lib/claims/schemas";
import type { UpdateClaimInput } from "@/lib/claims/schemas";

export type NewSource = NonNullable<UpdateClaimInput["addSources"]>[number];

const FIELDS = ["url", "title", "publisher", "excerpt"] as const;
type FieldName = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

interface Props {
  busy: boolean;
  /** Resolves true when the server added the source; the parent then closes the form. */
  onSave(source: NewSource): Promise<boolean>;
  onCancel(): void;
}

export function SourceForm({ busy, onSave, onCancel }: Props) {
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    // The server's own schema: the editor hears about a bad field before anything is sent.
    const parsed = sourceSchema.safeParse(
      Object.fromEntries(FIELDS.map((name) => [name, String(data.get(name) ?? "")])),
    );
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const name = FIELDS.find((field) => field === issue.path[0]);
        if (name && !found[name]) found[name] = issue.message;
      }
      setErrors(found);
      const first = FIELDS.find((name) => found[name]);
      if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    await onSave(parsed.data);
  }

  const field = (name: FieldName) => ({
    id: `${id}-${name}`,
    name,
    disabled: busy,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });

  return (
    <form className="claim-source-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="field">
        <label htmlFor={`${id}-url`}>Source URL</label>
        <input type="url" inputMode="url" autoComplete="off" autoFocus {...field("url")} />
        <FieldError id={`${id}-url-error`} message={errors.url} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>Source title</label>
        <input type="text" autoComplete="off" {...field("title")} />
        <FieldError id={`${id}-title-error`} message={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-publisher`}>
          Publisher<span className="hint"> (optional)</span>
        </label>
        <input type="text" {...field("publisher")} />
        <FieldError id={`${id}-publisher-error`} message={errors.publisher} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-excerpt`}>
          Quoted excerpt<span className="hint"> (optional)</span>
        </label>
        <textarea {...field("excerpt")} />
        <FieldError id={`${id}-excerpt-error`} message={errors.excerpt} />
      </div>
      <div className="claim-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <div id={id} className="error-text">
      {message}
    </div>
  );
}
