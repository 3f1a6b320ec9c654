"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { describeRange } from "@/lib/anchoring";
import type { ArticleDoc } from "@/lib/articles/document";
import type { ClaimsState } from "@/lib/claims/feed";
import { DEFAULT_FILTER, matchesFilter, type ClaimFilterState } from "@/lib/claims/filter";
import { panelClaims, placeClaims } from "@/lib/claims/placement";
import { placeClaimAt, postClaim } from "@/components/claims/api";
import { ClaimsPanel } from "@/components/claims/ClaimsPanel";
import { ArticleViewer } from "@/components/viewer/ArticleViewer";
import { LiveBar } from "@/components/live/LiveBar";
import { useLiveArticle } from "@/components/live/useLiveArticle";
import type { LiveChangeEvent } from "@/lib/live/events";
import { SuggestionsPanel } from "@/components/suggestions/SuggestionsPanel";
import { useArticleClaims } from "./useArticleClaims";
import { useSuggestedClaims } from "./useSuggestedClaims";

interface Props {
  /** The current revision: claims are marked in it, and anchors are offsets into its text. */
  article: { id: string; doc: ArticleDoc; text: string; revision: number };
  /** Whether this editor may edit the article (its editor, admins): they may place anyone's claims. */
  canEditArticle: boolean;
  /** The article's claim summaries, their authors' names and the feed's cursor, as rendered. */
  initialClaims: ClaimsState;
  currentUser: { id: string; name: string };
  /** Admins only: the active accounts a colleague's claim may be reassigned to; null for editors. */
  adminPeople?: ReadonlyArray<{ id: string; name: string }> | null;
  /** The claim to open with the page (`?claim=ID`, from the inbox): active, its discussion open. */
  initialClaimId?: string | null;
  /** The reader's "Suggest claims" preference (decision 0023). */
  suggestClaims?: boolean;
}

const FLASH_MS = 1600;

/** The article beside its claims: owns the claims, the filter and which claim is active. */
export function ArticleWorkspace({
  article,
  initialClaims,
  currentUser,
  canEditArticle,
  adminPeople = null,
  initialClaimId,
  suggestClaims = false,
}: Props) {
  const [filter, setFilter] = useState<ClaimFilterState>(DEFAULT_FILTER);
  // The claim being re-attached: the next "Attach here" (or Alt+M) moves it to the selection.
  const [reattaching, setReattaching] = useState<string | null>(null);
  // A claim named in the address that is not (or no longer) in the list opens nothing.
  const [openedFromLink] = useState(() =>
    initialClaimId && initialClaims.claims.some((claim) => claim.id === initialClaimId) ? initialClaimId : null,
  );
  const [activeId, setActiveId] = useState<string | null>(openedFromLink);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const claims = useArticleClaims(article.id, initialClaims, activeId);
  const { list, refresh, addClaim } = claims;

  // A colleague saved a newer revision: its claims' offsets are into a text this page does not
  // have, so they are not drawn here until the page is reloaded (the banner offers it).
  const newerRevision = useMemo(
    () => list.claims.reduce((newest, claim) => Math.max(newest, claim.anchor.revision), article.revision),
    [list.claims, article.revision],
  );
  const placed = useMemo(
    () =>
      placeClaims(
        article.text,
        panelClaims(
          article.text,
          list.claims.filter((claim) => claim.anchor.revision <= article.revision),
          list.people,
        ),
      ),
    [article.text, article.revision, list.claims, list.people],
  );
  const visible = useMemo(
    () => placed.filter((claim) => matchesFilter(claim, filter, currentUser.id)),
    [placed, filter, currentUser.id],
  );

  // The claim open here that a colleague changed meanwhile: its card says so and offers a reload.
  const [changedUnderneath, setChangedUnderneath] = useState<{ claimId: string; by: string } | null>(null);
  const activeRef = useRef(activeId);
  useEffect(() => {
    activeRef.current = activeId;
  });
  // Colleagues' changes arrive live (decision 0018): each is a pointer that makes the page read
  // the change feed, so what it shows follows the same rules as a reload.
  const onLiveChange = useCallback(
    (change: LiveChangeEvent | null) => {
      void refresh();
      if (change?.claimId && change.claimId === activeRef.current && change.actor.id !== currentUser.id) {
        setChangedUnderneath({ claimId: change.claimId, by: change.actor.name });
      }
    },
    [refresh, currentUser.id],
  );
  const live = useLiveArticle(article.id, currentUser.id, onLiveChange);
  const dismissChanged = useCallback(() => setChangedUnderneath(null), []);

  // Focus too: a page whose connection was refused (too many tabs) still catches up.
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

  // The claim the address names: its highlight in view too (its card scrolls itself into view).
  useEffect(() => {
    if (!openedFromLink) return;
    document.querySelector(`[data-claim-id="${CSS.escape(openedFromLink)}"]`)?.scrollIntoView({ block: "center" });
  }, [openedFromLink]);

  const showInText = useCallback((id: string) => {
    setActiveId(id);
    setFlashId(id);
    document
      .querySelector(`[data-claim-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  const canPlace = useCallback(
    (authorId: string) => canEditArticle || authorId === currentUser.id,
    [canEditArticle, currentUser.id],
  );
  const reattachingClaim = reattaching ? placed.find((claim) => claim.id === reattaching) : undefined;

  const attach = useCallback(
    async (claim: { id: string; version: number }, range: { start: number; end: number }) => {
      const result = await placeClaimAt(claim.id, { version: claim.version, decision: "reattach", position: range });
      if (!result.ok) {
        setError(result.message);
        return false;
      }
      setError(null);
      setReattaching(null);
      claims.acceptClaim(result.value);
      setActiveId(result.value.id);
      return true;
    },
    [claims],
  );

  const markPassage = useCallback(
    async ({ start, end }: { start: number; end: number }) => {
      const { position, quote } = describeRange(article.text, start, end);
      const result = await postClaim(article.id, {
        position: { start: position.start, end: position.end },
        quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        // A revision saved meanwhile: the server carries the passage over, or says to mark it again.
        revision: article.revision,
      });
      if (!result.ok) {
        setError(result.message);
        return false;
      }
      setError(null);
      addClaim(result.value);
      setActiveId(result.value.id);
      // A new claim must be visible even under a filter that would hide it.
      const mine = { authorId: result.value.author.id, status: result.value.status, review: result.value.review };
      if (!matchesFilter(mine, filter, currentUser.id)) setFilter(DEFAULT_FILTER);
      return true;
    },
    [article.id, article.text, article.revision, filter, currentUser.id, addClaim],
  );
  const mark = useCallback(
    (range: { start: number; end: number }) =>
      reattachingClaim ? attach(reattachingClaim, range) : markPassage(range),
    [reattachingClaim, attach, markPassage],
  );
  const suggestions = useSuggestedClaims(article.id, suggestClaims, placed, markPassage, setError);

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
        <LiveBar
          readers={live.readers}
          currentUserId={currentUser.id}
          announcement={live.announcement}
          reconnecting={live.reconnecting}
          stopped={live.stopped}
        />
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        {newerRevision > article.revision && (
          <div className="notice notice-old" role="status">
            <p>
              A colleague saved revision {newerRevision} of this article. Reload to read the new text with its claims.
            </p>
            <button type="button" onClick={() => window.location.reload()}>
              Reload the article
            </button>
          </div>
        )}
        {reattachingClaim && (
          <div className="reattach-banner" role="status">
            <p>
              Re-attaching “{reattachingClaim.quote.exact.slice(0, 80)}
              {reattachingClaim.quote.exact.length > 80 ? "…" : ""}”: select the passage it belongs to in the article,
              then press <strong>Attach here</strong> (or Alt+M).
            </p>
            <button type="button" onClick={() => setReattaching(null)}>
              Cancel re-attaching
            </button>
          </div>
        )}
        <ArticleViewer
          markLabel={reattachingClaim ? "Attach here" : "Mark as claim"}
          doc={article.doc}
          claims={visible}
          currentUserId={currentUser.id}
          activeId={activeId}
          flashId={flashId}
          onHighlightClick={setActiveId}
          onMark={mark}
          suggestions={suggestions.underlined}
        />
      </div>
      <div className="claims-panel card">
        <SuggestionsPanel {...suggestions.panel} />
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
          canPlace={canPlace}
          onReattach={setReattaching}
          adminPeople={adminPeople}
          onReplyCount={claims.setReplyCount}
          discussionOpenFor={openedFromLink}
          changedUnderneath={changedUnderneath}
          onDismissChanged={dismissChanged}
        />
      </div>
    </div>
  );
}
