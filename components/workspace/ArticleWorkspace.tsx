"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { describeRange } from "@/lib/anchoring";
import type { ArticleDoc } from "@/lib/articles/document";
import { DEFAULT_FILTER, matchesFilter, type ClaimFilterState } from "@/lib/claims/filter";
import { placeClaims } from "@/lib/claims/placement";
import type { ClaimView } from "@/lib/claims/types";
import { fetchClaims, postClaim } from "@/components/claims/api";
import { ClaimsPanel } from "@/components/claims/ClaimsPanel";
import { ArticleViewer } from "@/components/viewer/ArticleViewer";

interface Props {
  article: { id: string; doc: ArticleDoc; text: string };
  initialClaims: ClaimView[];
  currentUser: { id: string; name: string };
}

const FLASH_MS = 1600;

/** The article beside its claims: owns the claims, the filter and which claim is active. */
export function ArticleWorkspace({ article, initialClaims, currentUser }: Props) {
  const [claims, setClaims] = useState(initialClaims);
  const [filter, setFilter] = useState<ClaimFilterState>(DEFAULT_FILTER);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const placed = useMemo(() => placeClaims(article.text, claims), [article.text, claims]);
  const visible = useMemo(
    () => placed.filter((claim) => matchesFilter(claim, filter, currentUser.id)),
    [placed, filter, currentUser.id],
  );

  const reload = useCallback(async () => {
    const result = await fetchClaims(article.id);
    if (result.ok) setClaims(result.value.claims);
  }, [article.id]);

  // Colleagues work at the same time: pick up their changes when the editor comes back to the tab.
  useEffect(() => {
    const onFocus = () => void reload();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [reload]);

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
      setClaims((current) => [...current, result.value]);
      setActiveId(result.value.id);
      // A new claim must be visible even under a filter that would hide it.
      if (!matchesFilter(result.value, filter, currentUser.id)) setFilter(DEFAULT_FILTER);
      return true;
    },
    [article.id, article.text, filter, currentUser.id],
  );

  const replaceClaim = useCallback((claim: ClaimView) => {
    setClaims((current) => current.map((c) => (c.id === claim.id ? claim : c)));
  }, []);
  const dropClaim = useCallback((id: string) => {
    setClaims((current) => current.filter((c) => c.id !== id));
    setActiveId((active) => (active === id ? null : active));
  }, []);

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
          currentUser={currentUser}
          filter={filter}
          onFilterChange={setFilter}
          activeClaimId={activeId}
          onActivate={showInText}
          onClaimChanged={replaceClaim}
          onClaimDeleted={dropClaim}
          onReload={reload}
        />
      </div>
    </div>
  );
}
