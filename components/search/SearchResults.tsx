import Link from "next/link";
import { REVIEW_STATE_LABELS, isReviewState } from "@/lib/claims/review";
import { isStatus } from "@/lib/claims/statuses";
import { formatDate } from "@/lib/format";
import type { SnippetSegment } from "@/lib/search/snippet";
import type { SearchHit } from "@/lib/server/search";
import { StatusBadge } from "@/components/claims/StatusBadge";

const KIND_LABEL = { article: "Article", claim: "Claim", source: "Source" } as const;

/** Matching words as <mark>, everything else as text: snippets are segments, never HTML. */
function Snippet({ segments }: { segments: SnippetSegment[] }) {
  if (segments.length === 0) return null;
  return (
    <p className="search-snippet">
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </p>
  );
}

export function SearchResults({ results, matched }: { results: SearchHit[]; matched: boolean }) {
  return (
    <ol className="search-results" aria-label={matched ? "Results" : "Recent items"}>
      {results.map((hit) => (
        <li key={`${hit.kind}:${hit.sourceId ?? hit.claimId ?? hit.articleId}`} className="search-result">
          <p className="search-kind">
            {KIND_LABEL[hit.kind]}
            {hit.status && isStatus(hit.status) && <StatusBadge status={hit.status} />}
            {hit.reviewState && isReviewState(hit.reviewState) && hit.reviewState !== "none" && (
              <span className="search-review">{REVIEW_STATE_LABELS[hit.reviewState]}</span>
            )}
          </p>
          <h2 className="search-title">
            <Link href={hit.href}>{hit.kind === "claim" ? `“${hit.title}”` : hit.title}</Link>
          </h2>
          <Snippet segments={hit.snippet} />
          <p className="search-meta muted">
            {hit.kind !== "article" && <>In {hit.articleTitle} · </>}
            {hit.editor
              ? `${hit.kind === "article" ? "Added" : hit.kind === "claim" ? "Marked" : "Added"} by ${hit.editor.name}`
              : ""}
            {` · ${formatDate(hit.createdAt)}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
