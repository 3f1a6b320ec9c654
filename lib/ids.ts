import { z } from "zod";

/**
 * Row ids are cuids (letters and digits); tests and older rows may use other short ASCII ids.
 * Anything else cannot name a row, and must not reach a query: a NUL or an unpaired surrogate in
 * a query parameter is an error of the database driver itself (a 500), not "no such row".
 */
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value);
}

/** An id in a write input or a query (a source to remove, an editor to filter by). */
export const recordIdSchema = (message: string) => z.string({ error: message }).regex(RECORD_ID, message);

/** The largest value of an Int column on PostgreSQL (32 bits): versions and offsets stay below it. */
export const MAX_INT = 2 ** 31 - 1;
