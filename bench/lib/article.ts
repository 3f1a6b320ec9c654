import fs from "node:fs";
import path from "node:path";
import { describeRange, type ClaimSelectors } from "@/lib/anchoring";
import { importArticle, type ImportedArticle } from "@/lib/articles/import";

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same article and claims. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONNECTORS = ["Meanwhile, ", "Later, ", "According to officials, ", "Separately, ", "By the evening, ", ""];
const LOWERCASE_AFTER_CONNECTOR = new Set(["The", "A", "He"]);
/** Sentences that open with a connector of their own ("Also,", "In the meantime,") keep it. */
const HAS_CONNECTOR = /^(\S+,|In the meantime,)/;

function vary(sentence: string, next: () => number): string {
  const connector = CONNECTORS[Math.floor(next() * CONNECTORS.length)] ?? "";
  if (!connector || HAS_CONNECTOR.test(sentence)) return sentence;
  const [first = "", ...rest] = sentence.split(" ");
  const lead = LOWERCASE_AFTER_CONNECTOR.has(first) ? first.toLowerCase() : first;
  return [connector + lead, ...rest].join(" ");
}

/**
 * A live-blog style article of about `chars` characters, in Markdown: sections with a heading,
 * each made of the sample article's sentences in a shuffled order, lightly varied and grouped
 * into paragraphs of two or three sentences.
 */
export function benchArticleMarkdown(chars: number, seed = 1): string {
  const next = random(seed);
  const sentences = fs
    .readFileSync(path.join(process.cwd(), "prisma", "seed-data", "sample-article.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const blocks: string[] = [];
  let length = 0;
  for (let section = 1; length < chars; section++) {
    const heading = `## Update ${section}: day ${section + 1} of the invasion`;
    blocks.push(heading);
    length += heading.length;
    const order = [...sentences].sort(() => next() - 0.5);
    while (order.length > 0 && length < chars) {
      const paragraph = order
        .splice(0, 2 + Math.floor(next() * 2))
        .map((sentence) => vary(sentence, next))
        .join(" ");
      blocks.push(paragraph);
      length += paragraph.length;
    }
  }
  return blocks.join("\n\n");
}

export async function benchArticle(chars: number): Promise<ImportedArticle> {
  return importArticle({ format: "md", data: benchArticleMarkdown(chars) });
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * `count` passages spread evenly over the text: each starts at a word near its slot and runs for
 * 3 to 25 words, never across a paragraph. Returned as the canonical selectors the API stores.
 */
export function passages(text: string, count: number, seed: number): ClaimSelectors[] {
  const next = random(seed);
  const result: ClaimSelectors[] = [];
  for (let i = 0; i < count; i++) {
    let start = Math.floor(((i + next()) * text.length) / count);
    while (start < text.length && !(isWordChar(text[start]) && !isWordChar(text[start - 1]))) start++;
    if (start >= text.length) start = text.lastIndexOf(" ") + 1;
    const paragraphEnd = text.indexOf("\n", start) === -1 ? text.length : text.indexOf("\n", start);
    let end = start;
    const words = 3 + Math.floor(next() * 23);
    for (let word = 0; word < words && end < paragraphEnd; word++) {
      while (end < paragraphEnd && isWordChar(text[end])) end++;
      if (word < words - 1) while (end < paragraphEnd && !isWordChar(text[end])) end++;
    }
    if (end <= start) end = Math.min(paragraphEnd, start + 1);
    result.push(describeRange(text, start, end));
  }
  return result;
}
