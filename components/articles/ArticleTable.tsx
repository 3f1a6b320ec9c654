import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { ArticleSummary } from "@/lib/server/articles";

export function ArticleTable({ articles }: { articles: ArticleSummary[] }) {
  return (
    <table className="articles">
      <caption className="skip-link">Articles in the library</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Outlet</th>
          <th scope="col">Published</th>
          <th scope="col" className="num">
            Claims
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <td>
              <Link href={`/articles/${article.id}`}>{article.title}</Link>
              {article.author && <div className="muted">by {article.author}</div>}
            </td>
            <td>{article.outlet ?? "—"}</td>
            <td>{formatDate(article.publishedAt) || "—"}</td>
            <td className="num">{article.claimCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
