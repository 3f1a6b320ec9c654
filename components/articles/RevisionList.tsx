import Link from "next/link";
import { formatDateTime, plural } from "@/lib/format";
import type { RevisionSummary } from "@/lib/articles/revisions";

/** The article's revisions, newest first: who saved each, when, why, and how much changed. */
export function RevisionList(props: { articleId: string; revisions: RevisionSummary[]; viewing: number }) {
  const base = `/articles/${encodeURIComponent(props.articleId)}`;
  return (
    <details className="revisions">
      <summary>Revisions ({props.revisions.length})</summary>
      <ol className="revision-list" reversed>
        {props.revisions.map((revision) => (
          <li key={revision.number} aria-current={revision.number === props.viewing ? "true" : undefined}>
            <span className="revision-number">Revision {revision.number}</span>
            {revision.current && <span className="revision-current"> (current)</span>}
            {" · "}
            <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt)}</time> · {revision.createdBy.name}
            {revision.note && <span className="revision-note"> · “{revision.note}”</span>}
            {revision.number > 1 && (
              <span className="muted">
                {" "}
                · {plural(revision.charsAdded, "character")} added, {plural(revision.charsRemoved, "character")} removed
              </span>
            )}{" "}
            <span className="revision-links">
              {revision.number !== props.viewing && (
                <Link href={revision.current ? base : `${base}?revision=${revision.number}`}>
                  {revision.current ? "Current text" : `View revision ${revision.number}`}
                </Link>
              )}
              {revision.number > 1 && (
                <>
                  {" "}
                  <Link href={`${base}/revisions/${revision.number}`}>Compare revision {revision.number} with previous</Link>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
