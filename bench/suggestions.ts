/**
 * `npm run bench:suggestions`: claim suggestions (lib/suggestions) for a 20,000-word article,
 * in-process, the way the server computes them for a revision:
 *   - the model's load (read + parse the committed JSON), with the memory it adds (RSS, heap);
 *   - suggestSentences on the article: language check, splitting, scoring, ranking;
 *   - raw references in the same run: splitting alone, and the model's tokenizer alone over
 *     every sentence (the floor for any per-word model);
 *   - bad input: one 100,000-character "sentence", 100,000 characters of Cyrillic, empty text.
 * The article: paragraphs of 2–4 sentences drawn (seeded) from the sample article and, when
 * ../shared/data/checkworthiness/dev.tsv is there, from the debates' dev sentences, with
 * "## Update n" headings, until it has 20,000 words. Medians of 10 runs after one warm-up.
 * Prints the figures and writes them to bench/results/suggestions.json (bench/README.md, "Suggestions").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { tokens } from "@/lib/suggestions/features";
import { loadModel, splitSentences, suggestSentences } from "@/lib/suggestions";
import { parseTsv } from "@/lib/suggestions/tsv";
import { random } from "./lib/article";

const RUNS = Number(process.env.BENCH_RUNS) || 10;
const WORDS = 20_000;
const RESULTS = path.join(process.cwd(), "bench", "results", "suggestions.json");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

function sourceSentences(): { sentences: string[]; from: string } {
  const sample = fs
    .readFileSync(path.join(process.cwd(), "prisma", "seed-data", "sample-article.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const dev = path.resolve(process.cwd(), "..", "shared", "data", "checkworthiness", "dev.tsv");
  if (!fs.existsSync(dev)) return { sentences: sample, from: "the sample article" };
  const debate = parseTsv(fs.readFileSync(dev, "utf8"))
    .slice(1)
    .map((row) => row[1] ?? "")
    .filter((text) => wordsOf(text) >= 4);
  return { sentences: [...sample, ...debate], from: "the sample article and dev.tsv" };
}

function article(sentences: string[], words: number): string {
  const next = random(7);
  const blocks: string[] = [];
  let count = 0;
  for (let section = 1; count < words; section++) {
    blocks.push(`## Update ${section}`);
    for (let p = 0; p < 8 && count < words; p++) {
      const paragraph: string[] = [];
      const size = 2 + Math.floor(next() * 3);
      for (let s = 0; s < size; s++) paragraph.push(sentences[Math.floor(next() * sentences.length)]!);
      const text = paragraph.join(" ");
      blocks.push(text);
      count += wordsOf(text);
    }
  }
  return blocks.join("\n");
}

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function timedRuns(work: () => unknown): { median: number; max: number } {
  work();
  const runs = Array.from({ length: RUNS }, () => time(work));
  return { median: round(median(runs)), max: round(Math.max(...runs)) };
}

function main(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let model: ReturnType<typeof loadModel> | undefined;
  const loadMs = round(time(() => (model = loadModel())));
  gc?.();
  const after = process.memoryUsage();
  const { sentences, from } = sourceSentences();
  const text = article(sentences, WORDS);
  const spans = splitSentences(text);
  const first = time(() => suggestSentences(text, model));
  const result = suggestSentences(text, model);
  const suggest = timedRuns(() => suggestSentences(text, model));
  const split = timedRuns(() => splitSentences(text));
  const tokenize = timedRuns(() => spans.forEach((span) => tokens(span.text)));
  const longRun = ("The deficit grew by 3 percent " + "and more ".repeat(12_000)).slice(0, 100_000);
  const cyrillic = "Президент России заявил, что Россия готова направить делегацию в Минск. "
    .repeat(1_400)
    .slice(0, 100_000);
  const figures = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    model: {
      version: model!.version,
      bytes: fs.statSync(path.join(process.cwd(), "lib/suggestions/model/checkworthiness.json")).size,
    },
    load: {
      ms: loadMs,
      rssDeltaMb: mb(after.rss - before.rss),
      heapDeltaMb: mb(after.heapUsed - before.heapUsed),
      measuredAfterGc: gc !== undefined,
    },
    article: {
      from,
      words: wordsOf(text),
      chars: text.length,
      sentences: spans.length,
      suggested: result.sentences.length,
    },
    suggestMs: { first: round(first), ...suggest },
    rawReference: { splitMs: split, tokenizeMs: tokenize },
    badInput: {
      longSentence100kMs: timedRuns(() => suggestSentences(longRun, model)),
      cyrillic100kMs: timedRuns(() => suggestSentences(cyrillic, model)),
      emptyMs: timedRuns(() => suggestSentences("", model)),
    },
  };
  console.log(JSON.stringify(figures, null, 2));
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(figures, null, 2) + "\n");
}

main();
