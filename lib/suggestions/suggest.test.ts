import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel, splitSentences, suggestSentences } from "./index";

const SAMPLE = fs.readFileSync(path.join(process.cwd(), "prisma", "seed-data", "sample-article.txt"), "utf8");

describe("the committed check-worthiness model", () => {
  const model = loadModel();

  it("loads once, with thresholds in (0, 1) and strong at or above likely", () => {
    expect(loadModel()).toBe(model);
    expect(model.version).toMatch(/\S/);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.strongThreshold).toBeGreaterThanOrEqual(model.threshold);
    expect(model.strongThreshold).toBeLessThanOrEqual(1);
  });

  it("scores every text in [0, 1], deterministically, one score per text", () => {
    const texts = [
      ...splitSentences(SAMPLE).map((sentence) => sentence.text),
      "",
      "   ",
      "x".repeat(100_000),
      "Президент России заявил",
      "🙂🙂🙂",
    ];
    const first = model.score(texts);
    expect(first).toHaveLength(texts.length);
    for (const score of first) {
      expect(Number.isFinite(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(model.score(texts)).toEqual(first);
    expect(model.score([...texts].reverse())).toEqual([...first].reverse());
    expect(model.score([])).toEqual([]);
  });

  it("ranks a sentence with a checkable figure above small talk", () => {
    const [claim, smallTalk] = model.score([
      "Unemployment fell to 4.2 percent last year, the lowest rate since 1969.",
      "Thank you very much, it is great to be here tonight.",
    ]);
    expect(claim!).toBeGreaterThan(model.threshold);
    expect(smallTalk!).toBeLessThan(model.threshold);
  });
});

describe("suggestSentences", () => {
  it("suggests sentences of the sample article, highest score first, as spans of the text", () => {
    const { language, sentences } = suggestSentences(SAMPLE);
    expect(language).toBe("en");
    expect(sentences.length).toBeGreaterThan(0);
    const model = loadModel();
    for (const [i, sentence] of sentences.entries()) {
      expect(SAMPLE.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.score).toBeGreaterThanOrEqual(model.threshold);
      expect(sentence.strength).toBe(sentence.score >= model.strongThreshold ? "strong" : "likely");
      if (i > 0) expect(sentence.score).toBeLessThanOrEqual(sentences[i - 1]!.score);
    }
  });

  it("suggests nothing for empty, blank, non-English or single-run text, without throwing", () => {
    expect(suggestSentences("")).toEqual({ language: "unknown", sentences: [] });
    expect(suggestSentences(" \n ")).toEqual({ language: "unknown", sentences: [] });
    expect(suggestSentences("Президент России заявил, что Россия готова направить делегацию в Минск.").language).toBe(
      "other",
    );
    const run = ("The deficit grew by 3 percent " + "and more ".repeat(12_000)).slice(0, 100_000);
    expect(suggestSentences(run)).toEqual({ language: "en", sentences: [] });
  });

  it("uses the model it is given", () => {
    const always = {
      version: "test",
      threshold: 0.5,
      strongThreshold: 0.9,
      score: (texts: string[]) => texts.map(() => 0.6),
    };
    const { sentences } = suggestSentences(SAMPLE, always);
    expect(sentences).toHaveLength(15);
    expect(sentences.every((sentence) => sentence.strength === "likely")).toBe(true);
    expect(sentences.map((sentence) => sentence.start)).toEqual(
      [...sentences.map((s) => s.start)].sort((a, b) => a - b),
    );
  });
});
