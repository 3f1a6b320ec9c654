import { describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS, isEmptyQuery, parseQuery, toFtsAnyOf, toFtsMatch } from "./query";

describe("parseQuery", () => {
  it("reads words, quoted phrases and exclusions", () => {
    const parsed = parseQuery('sanctions "Minsk talks" -Belarus');
    expect(parsed).toEqual({
      terms: ["sanctions"],
      phrases: [["minsk", "talks"]],
      excluded: ["belarus"],
      truncated: false,
    });
  });

  it("runs an unbalanced quote to the end as a phrase", () => {
    expect(parseQuery('ceasefire "open to talks').phrases).toEqual([["open", "to", "talks"]]);
  });

  it("keeps the words of a chunk with a stray quote and drops the quote", () => {
    const parsed = parseQuery('talks" Kyiv');
    expect(parsed.terms).toEqual(["talks", "kyiv"]);
    expect(parsed.phrases).toEqual([]);
  });

  it("treats FTS operators and syntax typed by a person as words or separators", () => {
    const parsed = parseQuery("Minsk NEAR talks* OR (Kyiv) ^col: {x}");
    expect(parsed.terms).toEqual(["minsk", "near", "talks", "or", "kyiv", "col", "x"]);
  });

  it("makes a hyphenated or dotted word a phrase, and a lone minus nothing", () => {
    const parsed = parseQuery("pro-Russian U.S. - --");
    expect(parsed.phrases).toEqual([
      ["pro", "russian"],
      ["u", "s"],
    ]);
    expect(parsed.terms).toEqual([]);
    expect(parsed.excluded).toEqual([]);
  });

  it("finds nothing to look for in punctuation, empty quotes or exclusions alone", () => {
    for (const input of ["", "   ", '""', '"', "***", "-war", "-"])
      expect(isEmptyQuery(parseQuery(input)), input).toBe(true);
  });

  it("cuts a very long query and says so", () => {
    const parsed = parseQuery("word ".repeat(2000));
    expect(parsed.truncated).toBe(true);
    expect(parseQuery("x".repeat(MAX_QUERY_CHARS)).truncated).toBe(false);
    // Repeated words count once.
    expect(parsed.terms).toEqual(["word"]);
  });

  it("keeps letters of every script and folds case", () => {
    expect(parseQuery("Зеленський Straße").terms).toEqual(["зеленський", "straße"]);
  });
});

describe("toFtsMatch", () => {
  it("quotes every word and phrase and requires all of them", () => {
    expect(toFtsMatch(parseQuery('sanctions "Minsk talks" -Belarus'))).toBe(
      '("sanctions" "minsk talks") NOT "belarus"',
    );
  });

  it("turns operators into quoted words, never syntax", () => {
    expect(toFtsMatch(parseQuery("a NEAR b AND NOT c"))).toBe('("a" "near" "b" "and" "not" "c")');
  });

  it("is null when there is nothing to look for", () => {
    expect(toFtsMatch(parseQuery('"" -x'))).toBeNull();
  });

  it("builds an any-of expression", () => {
    expect(toFtsAnyOf(["minsk", "talks"])).toBe('"minsk" OR "talks"');
    expect(toFtsAnyOf([])).toBeNull();
  });
});

describe("searchQuerySchema", () => {
  it("refuses dates that do not exist and a range the wrong way round", async () => {
    const { searchQuerySchema } = await import("./schemas");
    expect(searchQuerySchema.safeParse({ from: "2026-02-31" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ from: "2026-02-28", to: "2026-03-01" }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "x".repeat(10_001) }).success).toBe(false);
  });
});
