import { describeRange } from "@/lib/anchoring";
import { markedAnchor } from "@/lib/claims/reanchor";
import { STATUSES } from "@/lib/claims/statuses";
import type { ClaimView, PersonRef, SourceView } from "@/lib/claims/types";
import type { ReportInput } from "@/lib/report/types";

/**
 * A large, deterministic report input for benchmarks: an article of `claimCount` paragraphs with
 * one claim per paragraph (a sentence of it), three sources per claim, a note and a history.
 * Same arguments, same input, byte for byte: a seeded generator, fixed dates, no Date.now().
 */

const WORDS = (
  "government minister said report officials budget percent increase year election campaign " +
  "police city council health hospital school data figures record growth inflation energy prices " +
  "talks delegation border ministry statement agency survey study claim evidence according million " +
  "billion during since after before despite following major new former local national international " +
  "переговоры министр Πούτιν κυβέρνηση"
).split(" ");

const EDITORS: PersonRef[] = [
  { id: "bench-ana", name: "Ana Novak" },
  { id: "bench-dmitri", name: "Dmitri Ivanov" },
  { id: "bench-eleni", name: "Eleni Papadopoulou" },
  { id: "bench-sam", name: "Sam O’Connor" },
  { id: "bench-yuki", name: "Yuki Tanaka" },
];

const START = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;

export function benchInput(claimCount = 1000, sourcesPerClaim = 3): ReportInput {
  const random = mulberry32(20240101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(random() * (max - min + 1));
    const words = Array.from({ length }, () => pick(WORDS));
    const text = words.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };

  const paragraphs: string[] = [];
  const claimSentences: { paragraph: number; sentence: string }[] = [];
  for (let p = 0; p < claimCount; p++) {
    const before = sentence(8, 16);
    const claimed = `${sentence(10, 22).slice(0, -1)}, up ${p % 97} percent since ${1990 + (p % 30)}.`;
    const after = sentence(8, 16);
    paragraphs.push(`${before} ${claimed} ${after}`);
    claimSentences.push({ paragraph: p, sentence: claimed });
  }
  const text = paragraphs.join("\n");

  let offset = 0;
  const paragraphStarts = paragraphs.map((paragraph) => {
    const start = offset;
    offset += paragraph.length + 1;
    return start;
  });

  const claims: ClaimView[] = claimSentences.map(({ paragraph, sentence: claimed }, index) => {
    const start = (paragraphStarts[paragraph] ?? 0) + (paragraphs[paragraph] ?? "").indexOf(claimed);
    const { position, quote } = describeRange(text, start, start + claimed.length);
    const author = EDITORS[index % EDITORS.length] as PersonRef;
    const status = STATUSES[index % STATUSES.length] ?? "UNVERIFIED";
    const createdAt = new Date(START + index * 7 * MINUTE).toISOString();
    const sources: SourceView[] = Array.from({ length: sourcesPerClaim }, (_, s) => ({
      id: `bench-source-${index}-${s}`,
      url: `https://source${s}.example/${index}/${sentence(3, 5)
        .toLowerCase()
        .replace(/[^a-z]+/g, "-")}`,
      title: sentence(4, 10).slice(0, -1),
      publisher: s === 2 ? null : pick(["Reuters", "Associated Press", "ΕΡΤ", "Office for National Statistics"]),
      excerpt: s === 1 ? null : sentence(12, 30),
      addedBy: author,
      createdAt: new Date(START + (index * 7 + s + 1) * MINUTE).toISOString(),
    }));
    const updatedAt = new Date(START + (index * 7 + 5) * MINUTE).toISOString();
    return {
      id: `bench-claim-${index}`,
      articleId: "bench-article",
      author,
      revision: 1,
      position: { start: position.start, end: position.end },
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      anchor: markedAnchor(1, position.start, position.end),
      status,
      // Half the rated claims signed off by the next editor, so every report format prints both.
      review:
        status === "UNVERIFIED"
          ? { state: "none", by: null, at: null, comment: null }
          : index % 2 === 0
            ? {
                state: "signed_off",
                by: EDITORS[(index + 1) % EDITORS.length] as PersonRef,
                at: updatedAt,
                comment: null,
              }
            : { state: "awaiting_review", by: null, at: updatedAt, comment: null },
      note: index % 3 === 0 ? "" : `${sentence(10, 30)}\n${sentence(5, 15)}`,
      version: 2 + sourcesPerClaim,
      createdAt,
      updatedAt,
      sources,
      history: [
        { id: `bench-event-${index}-0`, kind: "created", actor: author, from: null, to: null, at: createdAt },
        ...sources.map((source, s) => ({
          id: `bench-event-${index}-${s + 1}`,
          kind: "source_added" as const,
          actor: author,
          from: null,
          to: source.title,
          at: source.createdAt,
        })),
        {
          id: `bench-event-${index}-status`,
          kind: "status",
          actor: author,
          from: "UNVERIFIED",
          to: status,
          at: updatedAt,
        },
      ],
    };
  });

  return {
    article: {
      id: "bench-article",
      title: "Benchmark article: a thousand claims about budgets, energy prices and переговоры",
      outlet: "The Benchmark Times",
      author: "Bench Reporter",
      url: "https://news.example/benchmark",
      publishedAt: "2024-01-01T06:00:00.000Z",
      text,
    },
    claims,
    scope: { kind: "everyone" },
    generatedAt: new Date(START + 30 * 24 * 60 * MINUTE),
    baseUrl: "https://factline.example",
    organization: "Benchmark Fact Desk",
  };
}

/** Small seeded PRNG (public domain): enough randomness for text, same sequence everywhere. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
