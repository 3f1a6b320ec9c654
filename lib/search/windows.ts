/**
 * How PostgreSQL finds a query's newest matches (decision 0024). Its GIN index answers "which rows
 * match" in no order, so the newest 1,001 matches of a word found in half the rows would mean
 * visiting all of them. Instead the newest rows are searched first, in a window of ids that grows
 * until it holds enough matches; the next size comes from how dense the matches were in the last
 * one. When they are sparse, one pass over the whole table through the index is cheaper (few
 * matches), and that is the answer: null.
 */

/** The first window: the newest rows a common word fills its page from. */
export const FIRST_WINDOW = 4_096;
/** Beyond this share of all rows, one pass over the whole index costs less than another window. */
const WHOLE_TABLE_SHARE = 0.4;
/** Aim for a window that holds a quarter more matches than wanted. */
const HEADROOM = 1.25;

/** The first window for a table of `rows` ids, or null to search the whole table at once. */
export function firstWindow(rows: number, first: number = FIRST_WINDOW): number | null {
  return first < rows * WHOLE_TABLE_SHARE ? first : null;
}

/**
 * The window after one of `window` ids that held `found` of the `wanted` matches: at least twice
 * as wide, as wide as the density seen says is needed; null for the whole table.
 */
export function nextWindow(window: number, found: number, wanted: number, rows: number): number | null {
  if (found === 0) return null;
  const next = Math.max(window * 2, Math.ceil((wanted / (found / window)) * HEADROOM));
  return next < rows * WHOLE_TABLE_SHARE ? next : null;
}
