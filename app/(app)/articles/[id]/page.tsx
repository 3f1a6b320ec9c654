import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { Problem } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { ArticleWorkspace } from "@/components/workspace/ArticleWorkspace";
import { getArticle, type ArticleDetail } from "@/lib/server/articles";
import { listClaimSummaries } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";

type Props = { params: Promise<{ id: string }> };

// Metadata and page share one query per request.
const load = cache(async (id: string): Promise<ArticleDetail> => {
  try {
    return await getArticle(id);
  } catch (error) {
    if (error instanceof Problem && error.kind === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).title };
}

export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/articles/${id}`);
  const article = await load(id);
  // Summaries only (decision 0007): a card loads its note, sources and history when opened.
  const { claims, people, cursor } = await listClaimSummaries(id, {}, user);
  const byline = [article.outlet, article.author && `by ${article.author}`, formatDate(article.publishedAt)].filter(Boolean);
  return (
    <>
      <div className="page-head">
        <h1>{article.title}</h1>
        <Link href={`/articles/${article.id}/report`} className="button">
          Verification report
        </Link>
      </div>
      <p className="article-meta">
        {byline.join(" · ")}
        {article.url && (
          <>
            {" · "}
            <a href={article.url} target="_blank" rel="noopener noreferrer nofollow">
              Original
            </a>
          </>
        )}
      </p>
      <ArticleWorkspace
        article={{ id: article.id, doc: article.doc, text: article.text }}
        initialClaims={{ claims, people, cursor }}
        currentUser={{ id: user.id, name: user.name }}
      />
    </>
  );
}
