"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { statusLabel } from "@/lib/claims/statuses";
import { formatDate } from "@/lib/format";
import type { SimilarClaim } from "@/lib/search/similar";
import { call } from "./api";

/**
 * "Checked before": earlier rated claims in other articles with nearly the same wording (issue 12),
 * loaded when the card opens, so the desk reuses its work. Nothing is shown when there are none
 * or the lookup fails (it is a hint, not part of the claim).
 */
export function SimilarClaims({ claimId }: { claimId: string }) {
  const [similar, setSimilar] = useState<SimilarClaim[]>([]);
  useEffect(() => {
    let current = true;
    void call<{ similar: SimilarClaim[] }>(`/api/annotations/${encodeURIComponent(claimId)}/similar`, {
      method: "GET",
    }).then((result) => {
      if (current && result.ok) setSimilar(result.value.similar);
    });
    return () => {
      current = false;
    };
  }, [claimId]);
  if (similar.length === 0) return null;
  return (
    <section className="claim-similar" aria-label="Checked before">
      <ul>
        {similar.map((claim) => (
          <li key={claim.id}>
            Checked before:{" "}
            <Link href={`/articles/${encodeURIComponent(claim.articleId)}?claim=${encodeURIComponent(claim.id)}`}>
              “{claim.quote}”
            </Link>{" "}
            — {statusLabel(claim.status)} by {claim.author.name} on {formatDate(claim.at)}
            {claim.reviewState === "signed_off" && ", signed off"}
            <span className="muted"> (in {claim.articleTitle})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
