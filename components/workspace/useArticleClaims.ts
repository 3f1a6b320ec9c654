"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { applyClaimsAnswer, withClaim, withoutClaim, type ClaimsState } from "@/lib/claims/feed";
import type { ClaimDetails, ClaimSummaries } from "@/lib/claims/types";
import { fetchClaim, fetchClaimChanges } from "@/components/claims/api";
import type { LoadedDetails } from "@/components/claims/types";

/**
 * The article's claims on the page (decision 0007): the summaries the page was rendered with,
 * kept current by the change feed, and the details of the cards that were opened.
 *
 * - `refresh()` asks for what changed since the cursor (304 when nothing did) and merges it.
 *   Calls while one is under way run once after it, so answers apply in cursor order.
 * - The active claim's details load when it becomes active, and again when its version moves on
 *   (a change seen in the feed); until then the card keeps showing what it had.
 * - A claim's own answers (POST, PATCH, GET) update its summary and its details together.
 */
export function useArticleClaims(articleId: string, initial: ClaimsState, activeId: string | null) {
  const [list, setList] = useState<ClaimsState>(initial);
  const [details, setDetails] = useState<Record<string, LoadedDetails>>({});
  const listRef = useRef(list);
  useEffect(() => {
    listRef.current = list;
  });

  // Claims deleted from this page: an answer read before the delete must not bring them back.
  const deletedHere = useRef(new Set<string>());
  const withoutDeletedHere = useCallback(
    (answer: ClaimSummaries): ClaimSummaries =>
      deletedHere.current.size === 0
        ? answer
        : { ...answer, claims: answer.claims.filter((claim) => !deletedHere.current.has(claim.id)) },
    [],
  );

  const refreshing = useRef<Promise<void> | null>(null);
  const refreshAgain = useRef(false);
  const refresh = useCallback((): Promise<void> => {
    if (refreshing.current) {
      refreshAgain.current = true;
      return refreshing.current;
    }
    const run = async () => {
      do {
        refreshAgain.current = false;
        const result = await fetchClaimChanges(articleId, listRef.current.cursor);
        // Nothing changed (304), or the network failed: the next focus tries again.
        if (!result.ok || !result.value) continue;
        const answer = withoutDeletedHere(result.value);
        const next = applyClaimsAnswer(listRef.current, answer);
        listRef.current = next;
        setList(next);
      } while (refreshAgain.current);
    };
    refreshing.current = run().finally(() => {
      refreshing.current = null;
    });
    return refreshing.current;
  }, [articleId, withoutDeletedHere]);

  /** Puts one claim's answer into the list and its details. */
  const acceptClaim = useCallback((claim: ClaimDetails) => {
    setList((current) => withClaim(current, claim));
    setDetails((current) => {
      const loaded = current[claim.id]?.claim;
      if (loaded && loaded.version > claim.version) return current;
      return { ...current, [claim.id]: { forVersion: claim.version, claim } };
    });
  }, []);

  const dropClaim = useCallback((id: string) => {
    deletedHere.current.add(id);
    setList((current) => withoutClaim(current, id));
    setDetails((current) => {
      if (!(id in current)) return current;
      const rest = { ...current };
      delete rest[id];
      return rest;
    });
  }, []);

  const loading = useRef(new Set<string>());
  /** Reads one claim again; a claim found deleted leaves the page. */
  const loadDetails = useCallback(
    async (id: string) => {
      if (loading.current.has(id)) return;
      loading.current.add(id);
      const forVersion = listRef.current.claims.find((claim) => claim.id === id)?.version ?? 0;
      try {
        const result = await fetchClaim(id);
        if (result.ok) acceptClaim(result.value);
        else if (result.status === 404) dropClaim(id);
        else setDetails((current) => ({ ...current, [id]: { ...current[id], forVersion, error: result.message } }));
      } finally {
        loading.current.delete(id);
      }
    },
    [acceptClaim, dropClaim],
  );

  const activeVersion = list.claims.find((claim) => claim.id === activeId)?.version;
  const loadedFor = activeId ? details[activeId]?.forVersion : undefined;
  useEffect(() => {
    if (!activeId || activeVersion === undefined) return;
    if (loadedFor !== undefined && loadedFor >= activeVersion) return;
    void loadDetails(activeId);
  }, [activeId, activeVersion, loadedFor, loadDetails]);

  /** A reply posted or deleted here: the card's count, before the feed brings it. */
  const setReplyCount = useCallback((id: string, replyCount: number) => {
    setList((current) => {
      const index = current.claims.findIndex((claim) => claim.id === id);
      if (index < 0 || current.claims[index]!.replyCount === replyCount) return current;
      const claims = current.claims.slice();
      claims[index] = { ...claims[index]!, replyCount };
      return { ...current, claims };
    });
  }, []);

  /** A claim marked on this page: in the list and open at once, from the POST's answer. */
  const addClaim = acceptClaim;

  return { list, details, refresh, addClaim, acceptClaim, dropClaim, reloadClaim: loadDetails, setReplyCount };
}
