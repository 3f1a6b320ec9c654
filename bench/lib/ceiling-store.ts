/**
 * The ceiling's store: the app's own lib/server/claim-feed.ts and claim-writes.ts behind the baseline server, so that the
 * only difference from the app is Next.js, next-auth and the route layer.
 */
import { readClaimsFeed } from "@/lib/server/claim-feed";
import { createClaim, updateClaim } from "@/lib/server/claim-writes";
import type { ClaimStore } from "./raw-claims";

export function createCeilingStore(): ClaimStore {
  return { feed: readClaimsFeed, create: createClaim, update: updateClaim };
}
