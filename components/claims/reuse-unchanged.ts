/**
 * The panel draws a card per claim and skips the cards whose claim object is the one it drew last
 * time (React.memo). Every re-read or placement builds new objects for all claims, though, also
 * for the 999 that did not change: this gives back last time's object for each claim that is
 * equal to it, so a change redraws the cards it touches and no others.
 */
export function reuseUnchanged<T extends { id: string }>(previous: readonly T[], next: readonly T[]): T[] {
  if (previous.length === 0) return [...next];
  const before = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    const old = before.get(item.id);
    return old !== undefined && sameValue(old, item) ? old : item;
  });
}

/** Structural equality for JSON-like values (what the API sends, and what placement adds to it). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => sameValue(value, other[i]));
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
