/**
 * The search bench's rows: 10,000 articles of about 5,000 characters and 100,000 claims with a
 * source each, written straight into the database in bulk (the app's triggers index them as
 * they arrive), and 200 varied queries drawn from the same words.
 */
import { faker } from "@faker-js/faker";

export const ARTICLES = Number(process.env.BENCH_ARTICLES) || 10_000;
export const CLAIMS_PER_ARTICLE = 10;
export const ARTICLE_CHARS = 5_000;
export const EDITORS = ["bench-erin", "bench-sam", "bench-kai", "bench-ola", "bench-jo"];
const STATUSES = ["UNVERIFIED", "UNVERIFIED", "VERIFIED", "MOSTLY_TRUE", "MISLEADING", "FALSE", "UNPROVEN"];
const OUTLETS = Array.from({ length: 20 }, (_, i) => `Outlet ${i + 1}`);

faker.seed(12);
/** About 6,000 distinct English words; picked with a skew so a few are everywhere and most are rare. */
const VOCABULARY = (() => {
  const words = new Set<string>();
  while (words.size < 6000) {
    const word = faker.word.sample().toLowerCase();
    if (/^[a-z]{3,}$/.test(word)) words.add(word);
    if (words.size < 6000 && Math.random() < 0.05) words.add(`${faker.word.noun()}${words.size}`.toLowerCase().replace(/[^a-z0-9]/g, ""));
  }
  return [...words];
})();

let state = 42;
/** A seeded random number in [0, 1): the same rows every run. */
function random(): number {
  state = (state * 1664525 + 1013904223) % 4294967296;
  return state / 4294967296;
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const word = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 2.5)]!;

function sentence(): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(" ")}.`;
}

export interface BenchArticle {
  id: string;
  title: string;
  outlet: string;
  text: string;
  createdById: string;
  createdAt: Date;
}
export interface BenchClaim {
  id: string;
  articleId: string;
  authorId: string;
  start: number;
  end: number;
  exact: string;
  note: string;
  status: string;
  reviewState: string;
  createdAt: Date;
}
export interface BenchSource {
  id: string;
  claimId: string;
  addedById: string;
  url: string;
  title: string;
  excerpt: string;
  createdAt: Date;
}

const START = Date.UTC(2026, 0, 1);

/** Article `i` with its claims and their sources. */
export function articleRows(i: number): { article: BenchArticle; claims: BenchClaim[]; sources: BenchSource[] } {
  // Each article from its own seed, so a query can take a phrase from article i's text.
  const outer = state;
  state = (i * 2654435761 + 1) % 4294967296;
  const sentences: string[] = [];
  let length = 0;
  while (length < ARTICLE_CHARS) {
    const next = sentence();
    sentences.push(next);
    length += next.length + 1;
  }
  const text = sentences.join(" ");
  const createdAt = new Date(START + i * 60_000);
  const article: BenchArticle = {
    id: `bench-article-${i}`,
    title: sentence().slice(0, 80).replace(/\.$/, ""),
    outlet: pick(OUTLETS),
    text,
    createdById: pick(EDITORS),
    createdAt,
  };
  const claims: BenchClaim[] = [];
  const sources: BenchSource[] = [];
  for (let c = 0; c < CLAIMS_PER_ARTICLE; c++) {
    const exact = sentences[Math.floor((c * sentences.length) / CLAIMS_PER_ARTICLE)]!;
    const start = text.indexOf(exact);
    const status = pick(STATUSES);
    const id = `bench-claim-${i}-${c}`;
    claims.push({
      id,
      articleId: article.id,
      authorId: pick(EDITORS),
      start,
      end: start + exact.length,
      exact,
      note: random() < 0.6 ? sentence() : "",
      status,
      reviewState: status === "UNVERIFIED" ? "none" : random() < 0.5 ? "signed_off" : "awaiting_review",
      createdAt: new Date(createdAt.getTime() + c * 1000),
    });
    sources.push({
      id: `bench-source-${i}-${c}`,
      claimId: id,
      addedById: pick(EDITORS),
      url: `https://example.org/${i}/${c}`,
      title: sentence().slice(0, 60),
      excerpt: sentence(),
      createdAt: new Date(createdAt.getTime() + c * 1000 + 500),
    });
  }
  state = outer;
  return { article, claims, sources };
}

export interface BenchQuery {
  label: "word" | "two words" | "phrase" | "filtered";
  params: Record<string, string>;
}

/** 200 queries: single words (common to rare), two words, phrases taken from the texts, words with a filter. */
export function benchQueries(): BenchQuery[] {
  state = 7;
  const queries: BenchQuery[] = [];
  for (let i = 0; i < 80; i++) queries.push({ label: "word", params: { q: word() } });
  for (let i = 0; i < 40; i++) queries.push({ label: "two words", params: { q: `${word()} ${word()}` } });
  for (let i = 0; i < 40; i++) {
    const words = articleRows(Math.floor(random() * ARTICLES)).article.text.split(" ");
    const at = Math.floor(random() * (words.length - 3));
    const phrase = words.slice(at, at + 2 + Math.floor(random() * 2)).join(" ").replace(/[.]/g, "");
    queries.push({ label: "phrase", params: { q: `"${phrase}"` } });
  }
  const filters: Array<Record<string, string>> = [{ status: "FALSE" }, { kind: "claim" }, { editor: "bench-sam" }, { outlet: "Outlet 3" }, { review: "signed_off" }];
  for (let i = 0; i < 40; i++) queries.push({ label: "filtered", params: { q: word(), ...filters[i % filters.length]! } });
  return queries;
}
