"use client";

import { useRouter } from "next/navigation";
import { NOTE_MAX } from "@/lib/articles/revisions";
import { ArticleForm, type ArticleFormValues } from "./ArticleForm";

/**
 * "Edit article": the current details and text (as Markdown), a change note, and the revision the
 * editor started from, so that a colleague's revision saved meanwhile is not overwritten (409).
 * Text left as it was is not sent again: the server keeps the current body exactly.
 */
export function EditArticleForm(props: { articleId: string; revision: number; initial: ArticleFormValues }) {
  const router = useRouter();
  return (
    <ArticleForm
      action={`/api/articles/${encodeURIComponent(props.articleId)}/revisions`}
      submitLabel="Save revision"
      failureMessage="The revision could not be saved. Try again."
      textHint="The current text, as Markdown. Change it here, paste a new version, or upload a file below."
      initial={props.initial}
      prepare={(form, textChanged) => {
        form.set("baseRevision", String(props.revision));
        if (!textChanged) {
          form.delete("text");
          form.set("keepText", "1");
        }
      }}
      onDone={(result) => {
        const revision = result.body && typeof result.body === "object" && "revision" in result.body ? result.body.revision : "";
        router.push(`/articles/${encodeURIComponent(props.articleId)}?saved=${String(revision)}`);
        router.refresh();
      }}
    >
      <div className="field">
        <label htmlFor="note">Change note</label>
        <input id="note" name="note" type="text" maxLength={NOTE_MAX} aria-describedby="note-hint" />
        <div id="note-hint" className="hint">
          What changed and why, for colleagues (for example: “Corrected the turnout figure”).
        </div>
      </div>
    </ArticleForm>
  );
}
