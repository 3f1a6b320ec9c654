/**
 * The ceiling's store: the app's own lib/server/claims.ts behind the baseline server, so that the
 * only difference from the app is Next.js, next-auth and the route layer.
 */
import { db } from "@/lib/server/db";
import { createClaim, listClaims, updateClaim } from "@/lib/server/claims";
import { articleNotFound, type ClaimList, type ClaimStore } from "./raw-claims";

// TODO(claims merge): lib/server/claims.ts gains summaries and the change feed; call those instead.
export function createCeilingStore(): ClaimStore {
  const cursor = async (articleId: string) => {
    const article = await db.article.findUnique({ where: { id: articleId }, select: { claimSeq: true } });
    if (!article) throw articleNotFound();
    return String(article.claimSeq);
  };
  const list = async (...args: Parameters<typeof listClaims>): Promise<ClaimList> => {
    const claims = await listClaims(...args);
    return {
      claims: claims.map((claim) => ({
        id: claim.id,
        authorId: claim.author.id,
        start: claim.position.start,
        end: claim.position.end,
        status: claim.status,
        version: claim.version,
        sourceCount: claim.sources.length,
        createdAt: claim.createdAt,
        updatedAt: claim.updatedAt,
      })),
      people: Object.fromEntries(claims.map((claim) => [claim.author.id, claim.author.name])),
      cursor: await cursor(args[0]),
    };
  };
  return {
    cursor,
    list,
    changes: async (articleId, _since, filter, user) => ({ ...(await list(articleId, filter, user)), deleted: [] }),
    create: createClaim,
    update: updateClaim,
  };
}
