import "server-only";
import { claimNotFound, staleClaim } from "@/lib/claims/changes";
import { canEditArticle } from "@/lib/articles/revisions";
import type { PlaceClaimInput } from "@/lib/claims/schemas";
import { anchorView, planPlacement } from "@/lib/claims/reanchor";
import type { ClaimDetails } from "@/lib/claims/types";
import { Problem } from "@/lib/errors";
import { roleOf } from "@/lib/users/roles";
import { articleNotFound } from "./articles";
import { readDetails } from "./claim-details";
import { nextClaimSeq, recordClaimChange, writeAtVersion } from "./claim-write-steps";
import { db, writeTransaction } from "./db";
import type { SessionUser } from "./session";

/**
 * Confirm or Re-attach (lib/claims/reanchor.ts planPlacement): by the claim's author, or by
 * whoever may edit the article (its editor, admins). The claim keeps its rating, sources and
 * history; it now quotes the chosen passage of the current revision.
 */
export async function placeClaim(user: SessionUser, id: string, input: PlaceClaimInput): Promise<ClaimDetails> {
  const before = await readDetails(id);
  if (!before) throw claimNotFound();
  const article = await db.article.findUnique({
    where: { id: before.articleId },
    select: { text: true, revision: true, createdById: true },
  });
  if (!article) throw articleNotFound();
  if (before.author.id !== user.id && !canEditArticle({ id: user.id, role: roleOf(user.role) }, article)) {
    throw new Problem("forbidden", "Only the claim's author or the article's editor can move this claim.");
  }
  if (input.version !== before.version) throw staleClaim();
  if (before.anchor.revision !== article.revision && input.decision === "confirm") {
    throw new Problem("conflict", "The article was revised again: reload it and confirm the claim in the new text.");
  }
  const plan = planPlacement(
    article.text,
    article.revision,
    before.anchor,
    input.decision === "confirm" ? { kind: "confirm" } : { kind: "reattach", ...input.position },
  );
  const at = new Date();
  await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, before.articleId, article.revision);
    await writeAtVersion(
      tx,
      { id, version: before.version },
      {
        anchorState: plan.anchor.state,
        anchorRevision: plan.anchor.revision,
        anchorStart: plan.anchor.start,
        anchorEnd: plan.anchor.end,
        anchorMethod: plan.anchor.method,
        anchorScore: plan.anchor.score,
        anchorReason: null,
        quoteExact: plan.quote.exact,
        quotePrefix: plan.quote.prefix,
        quoteSuffix: plan.quote.suffix,
        quoteStart: plan.quote.start,
        quoteEnd: plan.quote.end,
        version: before.version + 1,
        changeSeq,
        updatedAt: at,
      },
    );
    await recordClaimChange(tx, user, {
      articleId: before.articleId,
      claimId: id,
      seq: changeSeq,
      kind: "claim.placed",
      events: [plan.event],
      at,
      inbox: [],
    });
  });
  return {
    ...before,
    anchor: anchorView(plan.anchor, plan.quote.exact),
    version: before.version + 1,
    updatedAt: at.toISOString(),
  };
}
