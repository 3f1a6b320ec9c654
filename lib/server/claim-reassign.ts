import "server-only";
import { claimNotFound, planReassign, staleClaim } from "@/lib/claims/changes";
import type { ClaimDetails } from "@/lib/claims/types";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import { canOverrideClaims, reassignRefusal } from "@/lib/users/admin";
import { roleOf } from "@/lib/users/roles";
import { readDetails } from "./claim-details";
import { eventRows, nextClaimSeq } from "./claim-write-steps";
import { db, writeTransaction } from "./db";
import { publishChange } from "./live-bus";
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
    const written = await tx.claim.updateMany({
      where: { id, authorId: before.author.id, version: plan.expectedVersion, deletedAt: null },
      data: { authorId: to.id, version: plan.version, changeSeq, updatedAt: at },
    });
    if (written.count !== 1) throw staleClaim();
    // The target may have been deactivated meanwhile: checked again inside the write.
    const still = await tx.user.count({ where: { id: to.id, deactivatedAt: null } });
    if (still !== 1)
      throw new Problem("invalid", "That account was just deactivated: reassign the claim to an active editor.");
    await tx.claimEvent.createMany({ data: eventRows([plan.event], id, user.id, at) });
    await publishChange(tx, {
      articleId: before.articleId,
      seq: changeSeq,
      kind: "claim.reassigned",
      claimId: id,
      actor: { id: user.id, name: user.name },
      inbox: "article",
    });
  });
  return { ...before, author: to, version: plan.version, updatedAt: at.toISOString() };
}
