import type { People, PersonRef } from "./types";

/** Said for an author a list did not name (not expected: every list names its claims' authors). */
export const UNKNOWN_EDITOR = "An editor";

/** One person of a list, by id. */
export function personOf(people: People, id: string): PersonRef {
  return { id, name: people[id] ?? UNKNOWN_EDITOR };
}

/** The names of the given people, from their refs (a claim's author, a source's adder, …). */
export function peopleOf(refs: Iterable<PersonRef>): People {
  const people: People = {};
  for (const ref of refs) people[ref.id] = ref.name;
  return people;
}
