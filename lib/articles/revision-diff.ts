import { diffWordsWithSpace } from "diff";

/** One run of a diff between two revisions' plain texts. */
export interface TextChange {
  kind: "same" | "added" | "removed";
  text: string;
}

/** A changed region: [oldStart, oldEnd) of the older text became [newStart, newEnd) of the newer. */
export interface ChangedRange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * Bounds beyond which the diff gives up and reports the changed middle as one block removed and
 * one added. Myers' algorithm is O(N·D): an article rewritten from scratch (D ≈ N) would
 * otherwise cost seconds; real revisions (a paragraph, a hundred words) stay far below both.
 */
export const MAX_DIFF_EDIT_LENGTH = 2_000;
export const MAX_DIFF_MILLISECONDS = 200;

/**
 * The changes from `before` to `after`, word by word (whitespace runs are tokens, so the runs
 * concatenate back to the texts exactly). The common start and end are cut off first: most
 * revisions touch a small part of a long article, and the diff then only sees that part.
 */
export function diffTexts(before: string, after: string): TextChange[] {
  const head = commonPrefixLength(before, after);
  const tail = commonSuffixLength(before, after, head);
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);

  const changes: TextChange[] = [];
  const push = (kind: TextChange["kind"], text: string) => {
    if (text === "") return;
    const last = changes[changes.length - 1];
    if (last?.kind === kind) last.text += text;
    else changes.push({ kind, text });
  };

  push("same", before.slice(0, head));
  const middle =
    oldMiddle === "" || newMiddle === ""
      ? undefined
      : diffWordsWithSpace(oldMiddle, newMiddle, { maxEditLength: MAX_DIFF_EDIT_LENGTH, timeout: MAX_DIFF_MILLISECONDS });
  if (middle) {
    for (const part of middle) push(part.added ? "added" : part.removed ? "removed" : "same", part.value);
  } else {
    push("removed", oldMiddle);
    push("added", newMiddle);
  }
  push("same", before.slice(before.length - tail));
  return changes;
}

/** Characters added and removed from `before` to `after`, as the revision list shows them. */
export function changeCounts(changes: readonly TextChange[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.kind === "added") added += change.text.length;
    else if (change.kind === "removed") removed += change.text.length;
  }
  return { added, removed };
}

/** The regions that differ, in both texts' offsets; adjacent removals and additions form one region. */
export function changedRanges(changes: readonly TextChange[]): ChangedRange[] {
  const ranges: ChangedRange[] = [];
  let oldAt = 0;
  let newAt = 0;
  let open: ChangedRange | undefined;
  for (const change of changes) {
    if (change.kind === "same") {
      if (open) ranges.push(open);
      open = undefined;
      oldAt += change.text.length;
      newAt += change.text.length;
      continue;
    }
    open ??= { oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt };
    if (change.kind === "removed") {
      oldAt += change.text.length;
      open.oldEnd = oldAt;
    } else {
      newAt += change.text.length;
      open.newEnd = newAt;
    }
  }
  if (open) ranges.push(open);
  return ranges;
}

/** Whether [start, end) of the older text overlaps or touches a changed region. */
export function touchedByChange(ranges: readonly ChangedRange[], start: number, end: number): boolean {
  return ranges.some((range) => range.oldStart <= end && range.oldEnd >= start);
}

/**
 * Common start and end, backed off to whitespace: the diff then sees whole words ("cat" → "car"
 * is a word replaced, not a letter) and never half a surrogate pair.
 */
function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return i;
  while (i > 0 && !isSpace(a.charCodeAt(i - 1))) i--;
  return i;
}

function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  while (i > 0 && !isSpace(a.charCodeAt(a.length - i))) i--;
  return i;
}

/** Space, tab, newline, carriage return: what separates words in plainTextOf's output. */
const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
