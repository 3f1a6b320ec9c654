import type { People, PersonRef } from "./types";

/** Said for an author a list did not name (not expected: every list names its claims' authors). */
export const UNKNOWN_EDITOR = "An editor";

/** One person of a list, by id. */
export function personOf(people: People, id: string): PersonRef {
  return { id, name: people[id] ?? UNKNOWN_EDITOR };
}
