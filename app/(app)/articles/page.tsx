import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTable } from "@/components/articles/ArticleTable";
import { listArticles } from "@/lib/server/articles";

export const metadata: Metadata = { title: "Articles" };
export const dynamic = "force-dynamic";

export default async function ArticlesPage() {
  const articles = await listArticles();
  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        <Link href="/articles/new" className="button primary">
          Add article
        </Link>
      </div>
      {articles.length === 0 ? (
        <p className="muted">No articles yet. Add the first one to start checking claims.</p>
      ) : (
        <ArticleTable articles={articles} />
      )}
    </>
  );
}
