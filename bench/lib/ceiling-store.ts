/**
 * The ceiling's store: the app's own lib/server/claims.ts behind the baseline server, so that the
 * only difference from the app is Next.js, next-auth and the route layer.
 */
import { createClaim, readClaimsFeed, updateClaim } from "@/lib/server/claims";
import type { ClaimStore } from "./raw-claims";

export function createCeilingStore(): ClaimStore {
  return { feed: readClaimsFeed, create: createClaim, update: updateClaim };
}
