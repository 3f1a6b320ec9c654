import "server-only";
import type { KnownPerson } from "@/lib/discussion/mentions";
import { db } from "./db";

/**
 * The desk's active colleagues by name, for mentions and their suggestions: ids and display
 * names only (no email addresses, no deactivated accounts).
 */
export async function listActivePeople(): Promise<KnownPerson[]> {
  return db.user.findMany({
    where: { deactivatedAt: null },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
