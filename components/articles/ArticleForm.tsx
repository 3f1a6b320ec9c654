"use client";

import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { articleMetaSchema } from "@/lib/articles/schemas";
import { errorMessageOf, postFormWithProgress, type UploadResult } from "@/components/ui/upload";

type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number } | { kind: "processing" };

const FILE_TYPES = ".txt,.md,.markdown,.html,.htm,.docx";
const META_FIELDS = ["title", "outlet", "author", "url", "publishedAt"] as const;

export interface ArticleFormValues {
  title: string;
  outlet: string;
  author: string;
  url: string;
  /** YYYY-MM-DD or "". */
  publishedAt: string;
  text: string;
  format: "txt" | "md" | "html";
}

/**
 * The article's details and text, for "Add article" and "Edit article": the same fields, the same
 * checks (the server's schema) and the same upload with progress. `onDone` gets the 201 answer;
 * anything else is shown as the error the server gave. `prepare` adds what a form needs beyond
 * the shared fields (the edit form's change note, base revision, "text unchanged").
 */
export function ArticleForm(props: {
  action: string;
  submitLabel: string;
  failureMessage: string;
  initial?: ArticleFormValues;
  textHint: string;
  children?: ReactNode;
  prepare?: (form: FormData, textChanged: boolean) => void;
  onDone: (result: UploadResult) => void;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  const initial = props.initial;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Same schema as the server: the editor hears about a bad field before anything is sent.
    const meta = articleMetaSchema.safeParse(Object.fromEntries(META_FIELDS.map((k) => [k, String(form.get(k) ?? "")])));
    if (!meta.success) {
      setFieldErrors(Object.fromEntries(meta.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      setError("Check the highlighted fields.");
      return;
    }
    const file = form.get("file");
    const textChanged =
      (file instanceof Blob && file.size > 0) ||
      initial === undefined ||
      (textRef.current?.value ?? "") !== initial.text ||
      form.get("format") !== initial.format;
    props.prepare?.(form, textChanged);
    setFieldErrors({});
    setError(null);
    setPhase({ kind: "uploading", fraction: 0 });
    try {
      const result = await postFormWithProgress(props.action, form, (fraction) =>
        setPhase(fraction === null ? { kind: "processing" } : { kind: "uploading", fraction }),
      );
      if (result.status === 201) {
        props.onDone(result);
        return;
      }
      setError(errorMessageOf(result.body, props.failureMessage));
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
      <Field name="title" label="Title" error={fieldErrors.title} defaultValue={initial?.title} required />
      <div className="field-row">
        <Field name="outlet" label="Outlet" error={fieldErrors.outlet} defaultValue={initial?.outlet} />
        <Field name="author" label="Author" error={fieldErrors.author} defaultValue={initial?.author} />
      </div>
      <div className="field-row">
        <Field name="url" label="Original URL" type="url" error={fieldErrors.url} defaultValue={initial?.url} />
        <Field
          name="publishedAt"
          label="Publication date"
          type="date"
          error={fieldErrors.publishedAt}
          defaultValue={initial?.publishedAt}
        />
      </div>
      <div className="field">
        <label htmlFor="text">Article text</label>
        <textarea id="text" name="text" ref={textRef} defaultValue={initial?.text} aria-describedby="text-hint" />
        <div id="text-hint" className="hint">
          {props.textHint}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="format">Pasted text is</label>
          <select id="format" name="format" defaultValue={initial?.format ?? "txt"}>
            <option value="txt">Plain text (one paragraph per line)</option>
            <option value="md">Markdown</option>
            <option value="html">HTML</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="file">Upload a file</label>
          <input id="file" name="file" type="file" accept={FILE_TYPES} aria-describedby="file-hint" />
          <div id="file-hint" className="hint">
            .txt, .md, .html or .docx, up to 2 MB. A file replaces pasted text.
          </div>
        </div>
      </div>
      {props.children}
      {busy && (
        <div className="field" role="status">
          <progress aria-label="Upload progress" max={1} value={phase.kind === "uploading" ? phase.fraction : undefined} />
          {phase.kind === "uploading" ? `Uploading… ${Math.round(phase.fraction * 100)}%` : "Processing the article…"}
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}

function Field(props: {
  name: string;
  label: string;
  type?: string;
  error?: string;
  required?: boolean;
  defaultValue?: string;
}) {
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
        defaultValue={props.defaultValue}
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
