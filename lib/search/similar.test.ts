import { describe, expect, it } from "vitest";
import { lookupWords, pickSimilar, quoteSimilarity } from "./similar";

describe("similar claims", () => {
  it("rates nearly the same wording high and different wording low", () => {
    const a = "Russia is open to talks in Minsk";
    expect(quoteSimilarity(a, "Russia is open to talks in Minsk, the Kremlin said")).toBeGreaterThan(0.6);
    expect(quoteSimilarity(a, "Forces close in on Kyiv")).toBe(0);
    expect(quoteSimilarity("", a)).toBe(0);
  });

  it("looks candidates up by distinctive words, longest first", () => {
    expect(lookupWords("The talks in Minsk and the talks in Kyiv")).toEqual(["minsk", "talks", "kyiv"]);
  });

  it("keeps at most three, most similar first", () => {
    const quote = "Russia is open to talks in Minsk";
    const candidates = [
      { id: "far", quote: "Minsk is the capital" },
      { id: "near", quote: "Russia is open to talks in Minsk today" },
      { id: "same", quote: "russia is OPEN to talks in minsk" },
      { id: "also", quote: "Russia open to talks in Minsk, says Peskov, a Kremlin spokesman" },
      { id: "four", quote: "Russia is open to talks in Minsk again today" },
    ];
    expect(pickSimilar(quote, candidates).map((c) => c.id)).toEqual(["same", "near", "four"]);
  });
});
