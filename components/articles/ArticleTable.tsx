import Link from "next/link";
import { progressSummary, signedOffPercent, type ArticleProgress } from "@/lib/articles/library";
import { STATUSES, STATUS_INFO } from "@/lib/claims/statuses";
import { formatDate } from "@/lib/format";
import type { LibraryArticle } from "@/lib/server/library";
import { statusClass } from "@/components/claims/text";

/** Claims by status as a bar, and the share signed off in words (the bar is decoration). */
function ProgressBar({ progress }: { progress: ArticleProgress }) {
  const percent = signedOffPercent(progress);
  const breakdown = STATUSES.filter((status) => progress.byStatus[status] > 0)
    .map((status) => `${progress.byStatus[status]} ${STATUS_INFO[status].label}`)
    .join(", ");
  return (
    <div className="library-progress">
      {progress.total > 0 && (
        <div className="library-bar" aria-hidden="true" title={breakdown}>
          {STATUSES.filter((status) => progress.byStatus[status] > 0).map((status) => (
            <span
              key={status}
              className={`library-bar-part ${statusClass(status)}`}
              style={{ width: `${(progress.byStatus[status] * 100) / progress.total}%` }}
            />
          ))}
        </div>
      )}
      <span className="library-progress-text">
        {progressSummary(progress)}
        {percent !== null && ` (${percent}%)`}
      </span>
      {breakdown && <span className="claims-sr-only">: {breakdown}</span>}
    </div>
  );
}

export function ArticleTable({ articles }: { articles: LibraryArticle[] }) {
  return (
    <table className="articles">
      <caption className="skip-link">Articles in the library</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Outlet</th>
          <th scope="col">Added</th>
          <th scope="col" className="num">
            Claims
          </th>
          <th scope="col">Progress</th>
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
            <td>
              {formatDate(article.createdAt)}
              <div className="muted">{article.addedBy.name}</div>
            </td>
            <td className="num">{article.progress.total}</td>
            <td>
              <ProgressBar progress={article.progress} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
