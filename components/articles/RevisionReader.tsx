"use client";

import { useMemo, useState } from "react";
import type { ArticleDoc } from "@/lib/articles/document";
import type { ClaimsState } from "@/lib/claims/feed";
import { panelClaims, placeClaims } from "@/lib/claims/placement";
import { statusLabel } from "@/lib/claims/statuses";
import { plural } from "@/lib/format";
import { ArticleViewer } from "@/components/viewer/ArticleViewer";

/** An older revision, read-only, with the claims as they were placed in it. */
export function RevisionReader(props: { doc: ArticleDoc; text: string; claims: ClaimsState; currentUserId: string }) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const placed = useMemo(
    () => placeClaims(props.text, panelClaims(props.text, props.claims.claims, props.claims.people)),
    [props.text, props.claims],
  );
  const shown = placed.filter((claim) => claim.anchor.status === "anchored");
  return (
    <div className="article-layout">
      <ArticleViewer
        doc={props.doc}
        claims={shown}
        currentUserId={props.currentUserId}
        activeId={activeId}
        flashId={null}
        onHighlightClick={setActiveId}
      />
      <div className="claims-panel card">
        <h2>Claims in this revision</h2>
        <p className="claims-count">{plural(shown.length, "claim")} placed in this revision.</p>
        <ol className="claim-list">
          {shown.map((claim) => (
            <li key={claim.id} className={`claim-card${claim.id === activeId ? " is-active" : ""}`}>
              <blockquote className="claim-quote">“{claim.quote.exact}”</blockquote>
              <p className="claim-byline">
                {statusLabel(claim.status)} · by {claim.author.name}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
