import "server-only";
import { claimNotFound, planReassign } from "@/lib/claims/changes";
import type { ClaimDetails } from "@/lib/claims/types";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import { canOverrideClaims, reassignRefusal } from "@/lib/users/admin";
import { roleOf } from "@/lib/users/roles";
import { readDetails } from "./claim-details";
import { nextClaimSeq, recordClaimChange, writeAtVersion } from "./claim-write-steps";
import { db, writeTransaction } from "./db";
import type { SessionUser } from "./session";

/**
 * An admin gives a claim to another active editor (lib/users/admin.ts): the claim, its rating,
 * sources and history stay; the author changes, and History says "reassigned … from A to B"
 * with the admin as the actor. 409 when the claim changed since the admin loaded it.
 */
export async function reassignClaim(
  user: SessionUser,
  id: string,
  input: { version: number; authorId: string },
): Promise<ClaimDetails> {
  if (!canOverrideClaims(roleOf(user.role))) {
    throw new Problem("forbidden", "Only admins reassign claims: ask an admin to give this claim to another editor.");
  }
  const before = await readDetails(id);
  if (!before) throw claimNotFound();
  const target = isRecordId(input.authorId)
    ? await db.user.findUnique({ where: { id: input.authorId }, select: { id: true, name: true, deactivatedAt: true } })
    : null;
  const refusal = reassignRefusal(before.author.id, target && { id: target.id, active: target.deactivatedAt === null });
  if (refusal) throw new Problem("invalid", refusal);
  const to = { id: target!.id, name: target!.name };
  const plan = planReassign({ authorId: before.author.id, version: before.version }, input.version, before.author, to);
  const at = new Date();
  await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, before.articleId);
    await writeAtVersion(
      tx,
      { id, authorId: before.author.id, version: plan.expectedVersion },
      { authorId: to.id, version: plan.version, changeSeq, updatedAt: at },
    );
    // The target may have been deactivated meanwhile: checked again inside the write.
    const still = await tx.user.count({ where: { id: to.id, deactivatedAt: null } });
    if (still !== 1)
      throw new Problem("invalid", "That account was just deactivated: reassign the claim to an active editor.");
    await recordClaimChange(tx, user, {
      articleId: before.articleId,
      claimId: id,
      seq: changeSeq,
      kind: "claim.reassigned",
      events: [plan.event],
      at,
      inbox: "article",
    });
  });
  return { ...before, author: to, version: plan.version, updatedAt: at.toISOString() };
}
