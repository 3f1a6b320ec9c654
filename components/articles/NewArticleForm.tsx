"use client";

import { useRouter } from "next/navigation";
import { ArticleForm } from "./ArticleForm";

export function NewArticleForm() {
  const router = useRouter();
  return (
    <ArticleForm
      action="/api/articles"
      submitLabel="Add article"
      failureMessage="The article could not be added. Try again."
      textHint="Paste the text here, or upload a file below."
      onDone={(result) => {
        if (result.body && typeof result.body === "object" && "id" in result.body) {
          router.push(`/articles/${String(result.body.id)}`);
        }
      }}
    />
  );
}
