import type { ChangedRange } from "@/lib/articles/revision-diff";

/**
 * Offsets of the previous revision's text carried into the new one through the diff between them
 * (lib/articles/revision-diff.ts). A passage no change overlaps is the same text at its new place:
 * no search is needed, and repeated sentences elsewhere cannot confuse it. For a passage a change
 * overlaps, the map says where in the new text to look: the changed text and the passage's
 * untouched parts around it, and nowhere else.
 */
export type Carried =
  | { kind: "untouched"; start: number; end: number }
  | { kind: "changed"; /** The new text's span that replaced the passage and the changes it overlaps. */ start: number; end: number };

export interface OffsetMap {
  carry(start: number, end: number): Carried;
  /** The new text's spans that are new in this revision (added or rewritten). */
  readonly added: ReadonlyArray<{ start: number; end: number }>;
}

export function offsetMapOf(ranges: readonly ChangedRange[]): OffsetMap {
  // Ranges come in text order and do not overlap; `shiftAfter[i]` is the shift of text after range i.
  const ends = ranges.map((range) => range.oldEnd);
  const shiftAfter: number[] = [];
  let shift = 0;
  for (const range of ranges) {
    shift += range.newEnd - range.newStart - (range.oldEnd - range.oldStart);
    shiftAfter.push(shift);
  }
  /** The number of ranges that end at or before `offset`. */
  const endedBy = (offset: number) => {
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const shifted = (offset: number, before: number) => offset + (before > 0 ? shiftAfter[before - 1]! : 0);
  // A change overlaps [start, end) when it removes text inside it, or inserts strictly inside it.
  const overlaps = (range: ChangedRange, start: number, end: number) =>
    range.oldStart === range.oldEnd
      ? range.oldStart > start && range.oldStart < end
      : range.oldStart < end && range.oldEnd > start;

  return {
    added: ranges.filter((range) => range.newEnd > range.newStart).map((range) => ({ start: range.newStart, end: range.newEnd })),
    carry(start, end) {
      const before = endedBy(start);
      let last = before;
      while (last < ranges.length && overlaps(ranges[last]!, start, end)) last++;
      // An insertion exactly at `start` ends by it (counted before) and shifts the passage whole.
      if (last === before) {
        const newStart = shifted(start, before);
        return { kind: "untouched", start: newStart, end: newStart + (end - start) };
      }
      const first = ranges[before]!;
      const final = ranges[last - 1]!;
      const from = start < first.oldStart ? shifted(start, before) : first.newStart;
      const to = end > final.oldEnd ? final.newEnd + (end - final.oldEnd) : final.newEnd;
      return { kind: "changed", start: from, end: to };
    },
  };
}
