import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Problem } from "@/lib/errors";
import { canEditArticle } from "@/lib/articles/revisions";
import { docToMarkdown } from "@/lib/articles/to-markdown";
import { roleOf } from "@/lib/users/roles";
import { EditArticleForm } from "@/components/articles/EditArticleForm";
import { getArticle } from "@/lib/server/articles";
import { requireUser } from "@/lib/server/session";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit article" };

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/articles/${id}/edit`);
  const article = await getArticle(id).catch((error: unknown) => {
    if (error instanceof Problem && error.kind === "not_found") notFound();
    throw error;
  });
  const back = `/articles/${encodeURIComponent(article.id)}`;
  if (!canEditArticle({ id: user.id, role: roleOf(user.role) }, article)) {
    return (
      <>
        <h1>Edit article</h1>
        <div className="card" role="alert">
          <p>Only the editor who added this article, or an admin, can edit it.</p>
          <Link href={back}>Back to the article</Link>
        </div>
      </>
    );
  }
  return (
    <>
      <div className="page-head">
        <h1>Edit article</h1>
        <Link href={back}>Cancel</Link>
      </div>
      <p className="muted">
        Editing revision {article.revision} of “{article.title}”. Saving keeps this revision unchanged and moves every
        claim to the new text; claims whose passage changed will ask for confirmation.
      </p>
      <div className="card">
        <EditArticleForm
          articleId={article.id}
          revision={article.revision}
          initial={{
            title: article.title,
            outlet: article.outlet ?? "",
            author: article.author ?? "",
            url: article.url ?? "",
            publishedAt: day(article.publishedAt),
            text: docToMarkdown(article.doc),
            format: "md",
          }}
        />
      </div>
    </>
  );
}
