"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { describeRange } from "@/lib/anchoring";
import type { ArticleDoc } from "@/lib/articles/document";
import type { ClaimsState } from "@/lib/claims/feed";
import { DEFAULT_FILTER, matchesFilter, type ClaimFilterState } from "@/lib/claims/filter";
import { panelClaims, placeClaims } from "@/lib/claims/placement";
import { postClaim } from "@/components/claims/api";
import { ClaimsPanel } from "@/components/claims/ClaimsPanel";
import { ArticleViewer } from "@/components/viewer/ArticleViewer";
import { useArticleClaims } from "./useArticleClaims";

interface Props {
  article: { id: string; doc: ArticleDoc; text: string };
  /** The article's claim summaries, their authors' names and the feed's cursor, as rendered. */
  initialClaims: ClaimsState;
  currentUser: { id: string; name: string };
}

const FLASH_MS = 1600;

/** The article beside its claims: owns the claims, the filter and which claim is active. */
export function ArticleWorkspace({ article, initialClaims, currentUser }: Props) {
  const [filter, setFilter] = useState<ClaimFilterState>(DEFAULT_FILTER);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const claims = useArticleClaims(article.id, initialClaims, activeId);
  const { list, refresh, addClaim } = claims;

  const placed = useMemo(
    () => placeClaims(article.text, panelClaims(article.text, list.claims, list.people)),
    [article.text, list.claims, list.people],
  );
  const visible = useMemo(
    () => placed.filter((claim) => matchesFilter(claim, filter, currentUser.id)),
    [placed, filter, currentUser.id],
  );

  // Colleagues work at the same time: pick up their changes when the editor comes back to the tab.
  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refresh]);

  useEffect(() => {
    if (!flashId) return;
    const timer = setTimeout(() => setFlashId(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flashId]);

  const showInText = useCallback((id: string) => {
    setActiveId(id);
    setFlashId(id);
    document
      .querySelector(`[data-claim-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  const mark = useCallback(
    async ({ start, end }: { start: number; end: number }) => {
      const { position, quote } = describeRange(article.text, start, end);
      const result = await postClaim(article.id, {
        position: { start: position.start, end: position.end },
        quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      });
      if (!result.ok) {
        setError(result.message);
        return false;
      }
      setError(null);
      addClaim(result.value);
      setActiveId(result.value.id);
      // A new claim must be visible even under a filter that would hide it.
      const mine = { authorId: result.value.author.id, status: result.value.status };
      if (!matchesFilter(mine, filter, currentUser.id)) setFilter(DEFAULT_FILTER);
      return true;
    },
    [article.id, article.text, filter, currentUser.id, addClaim],
  );

  const { dropClaim: forgetClaim } = claims;
  const dropClaim = useCallback(
    (id: string) => {
      forgetClaim(id);
      setActiveId((active) => (active === id ? null : active));
    },
    [forgetClaim],
  );

  return (
    <div className="article-layout">
      <div>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <ArticleViewer
          doc={article.doc}
          claims={visible}
          currentUserId={currentUser.id}
          activeId={activeId}
          flashId={flashId}
          onHighlightClick={setActiveId}
          onMark={mark}
        />
      </div>
      <div className="claims-panel card">
        <ClaimsPanel
          claims={placed}
          people={list.people}
          details={claims.details}
          currentUser={currentUser}
          filter={filter}
          onFilterChange={setFilter}
          activeClaimId={activeId}
          onActivate={showInText}
          onClaimChanged={claims.acceptClaim}
          onClaimDeleted={dropClaim}
          onReload={claims.reloadClaim}
        />
      </div>
    </div>
  );
}
