import type { ClaimSelectors } from "@/lib/anchoring";

/** What the benchmark's revision does to the article, and to which claims. */
export interface BenchEdit {
  text: string;
  /** Claims with one word changed inside their passage. */
  wordChanged: number;
  /** Claims whose passage was cut from the text. */
  deleted: number;
}

const TOP_PARAGRAPH = "Editor’s note: this live blog was updated on Saturday; earlier entries were corrected where marked.";

/**
 * The revision of a long article: a paragraph added at the top, one word changed in every
 * tenth claimed passage, a few claimed passages deleted. Edits apply from the end of the text, so
 * earlier offsets stay valid; a passage overlapping one already edited is left alone.
 */
export function reviseForBench(text: string, claims: readonly ClaimSelectors[], deletions = 5): BenchEdit {
  const deleteEvery = Math.floor(claims.length / deletions);
  const edits: Array<{ start: number; end: number; replacement: string; kind: "word" | "delete" }> = [];
  claims.forEach((claim, i) => {
    const { start, end } = claim.position;
    if (i % deleteEvery === deleteEvery - 1) edits.push({ start, end, replacement: "", kind: "delete" });
    else if (i % 10 === 0) {
      const passage = text.slice(start, end);
      // The longest word of the passage, so that the change is inside it and not at its edge.
      const word = [...passage.matchAll(/\p{L}{4,}/gu)].sort((a, b) => b[0].length - a[0].length)[0];
      if (!word || word.index === undefined) return;
      const at = start + word.index;
      edits.push({ start: at, end: at + word[0].length, replacement: `${word[0]}s`, kind: "word" });
    }
  });
  edits.sort((a, b) => b.start - a.start);
  let revised = text;
  let limit = Infinity;
  let wordChanged = 0;
  let deleted = 0;
  for (const edit of edits) {
    if (edit.end > limit) continue;
    revised = revised.slice(0, edit.start) + edit.replacement + revised.slice(edit.end);
    limit = edit.start;
    if (edit.kind === "word") wordChanged++;
    else deleted++;
  }
  return { text: `${TOP_PARAGRAPH}\n${revised}`, wordChanged, deleted };
}

/** One paragraph per line, as the article's plain text has them: the revision's TipTap body. */
export function bodyOfLines(text: string): string {
  return JSON.stringify({
    type: "doc",
    content: text.split("\n").map((line) => ({
      type: "paragraph",
      ...(line ? { content: [{ type: "text", text: line }] } : {}),
    })),
  });
}
