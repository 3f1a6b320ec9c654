import type { SourceView } from "@/lib/claims/types";
import { formatDateTime } from "@/lib/format";
import { displayName, isHttpUrl } from "./text";

interface Props {
  sources: SourceView[];
  currentUserId: string;
  /** Present only for the claim's author: colleagues read sources, they do not edit them. */
  onRemove?(source: SourceView): void;
  busy?: boolean;
}

export function SourceList({ sources, currentUserId, onRemove, busy = false }: Props) {
  if (sources.length === 0) return <p className="muted claim-empty-line">No sources yet.</p>;
  return (
    <ul className="claim-sources">
      {sources.map((source) => (
        <li key={source.id} className="claim-source">
          <div className="claim-source-title">
            {isHttpUrl(source.url) ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
                {source.title}
              </a>
            ) : (
              <span>{source.title}</span>
            )}
            {source.publisher && <span className="muted"> · {source.publisher}</span>}
          </div>
          {source.excerpt && <blockquote>{source.excerpt}</blockquote>}
          <div className="claim-source-meta muted">
            added by {displayName(source.addedBy, currentUserId, "you")} on{" "}
            <time dateTime={source.createdAt}>{formatDateTime(source.createdAt)}</time>
          </div>
          {onRemove && (
            <button
              type="button"
              className="danger claim-small-button"
              aria-label={`Remove source ${source.title}`}
              disabled={busy}
              onClick={() => onRemove(source)}
            >
              Remove source
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
