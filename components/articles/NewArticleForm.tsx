"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { articleMetaSchema } from "@/lib/articles/schemas";
import { errorMessageOf, postFormWithProgress } from "@/components/ui/upload";

type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number } | { kind: "processing" };

const FILE_TYPES = ".txt,.md,.markdown,.html,.htm,.docx";

export function NewArticleForm() {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Same schema as the server: the editor hears about a bad field before anything is sent.
    const meta = articleMetaSchema.safeParse(Object.fromEntries(["title", "outlet", "author", "url", "publishedAt"].map((k) => [k, String(form.get(k) ?? "")])));
    if (!meta.success) {
      setFieldErrors(Object.fromEntries(meta.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      setError("Check the highlighted fields.");
      return;
    }
    setFieldErrors({});
    setError(null);
    setPhase({ kind: "uploading", fraction: 0 });
    try {
      const result = await postFormWithProgress("/api/articles", form, (fraction) =>
        setPhase(fraction === null ? { kind: "processing" } : { kind: "uploading", fraction }),
      );
      if (result.status === 201 && result.body && typeof result.body === "object" && "id" in result.body) {
        router.push(`/articles/${String(result.body.id)}`);
        return;
      }
      setError(errorMessageOf(result.body, "The article could not be added. Try again."));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    setPhase({ kind: "idle" });
  }

  const busy = phase.kind !== "idle";
  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <Field name="title" label="Title" error={fieldErrors.title} required />
      <div className="field-row">
        <Field name="outlet" label="Outlet" error={fieldErrors.outlet} />
        <Field name="author" label="Author" error={fieldErrors.author} />
      </div>
      <div className="field-row">
        <Field name="url" label="Original URL" type="url" error={fieldErrors.url} />
        <Field name="publishedAt" label="Publication date" type="date" error={fieldErrors.publishedAt} />
      </div>
      <div className="field">
        <label htmlFor="text">Article text</label>
        <textarea id="text" name="text" aria-describedby="text-hint" />
        <div id="text-hint" className="hint">Paste the text here, or upload a file below.</div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="format">Pasted text is</label>
          <select id="format" name="format" defaultValue="txt">
            <option value="txt">Plain text (one paragraph per line)</option>
            <option value="md">Markdown</option>
            <option value="html">HTML</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="file">Upload a file</label>
          <input id="file" name="file" type="file" accept={FILE_TYPES} aria-describedby="file-hint" />
          <div id="file-hint" className="hint">.txt, .md, .html or .docx, up to 2 MB. A file replaces pasted text.</div>
        </div>
      </div>
      {busy && (
        <div className="field" role="status">
          <progress
            aria-label="Upload progress"
            max={1}
            value={phase.kind === "uploading" ? phase.fraction : undefined}
          />
          {phase.kind === "uploading" ? `Uploading… ${Math.round(phase.fraction * 100)}%` : "Processing the article…"}
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Add article
      </button>
    </form>
  );
}

function Field(props: { name: string; label: string; type?: string; error?: string; required?: boolean }) {
  const errorId = `${props.name}-error`;
  return (
    <div className="field">
      <label htmlFor={props.name}>
        {props.label}
        {props.required ? "" : <span className="hint"> (optional)</span>}
      </label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error && (
        <div id={errorId} className="error-text">
          {props.error}
        </div>
      )}
    </div>
  );
}
