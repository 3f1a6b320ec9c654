import type { Metadata } from "next";
import { NewArticleForm } from "@/components/articles/NewArticleForm";

export const metadata: Metadata = { title: "Add article" };

export default function NewArticlePage() {
  return (
    <>
      <h1>Add article</h1>
      <div className="card">
        <NewArticleForm />
      </div>
    </>
  );
}
