import { describe, expect, it } from "vitest";
import { reuseUnchanged, sameValue } from "./reuse-unchanged";

const claim = (id: string, status = "UNVERIFIED", sources: string[] = []) => ({
  id,
  status,
  anchor: { status: "anchored", start: 0, end: 4 },
  disagreements: [] as { claimId: string }[],
  sources: sources.map((title) => ({ title })),
});

describe("reuseUnchanged", () => {
  it("gives back the previous object of every claim that did not change", () => {
    const before = [claim("a"), claim("b"), claim("c")];
    const after = reuseUnchanged(before, [claim("a"), claim("b", "FALSE", ["Reuters"]), claim("c")]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]).toEqual(claim("b", "FALSE", ["Reuters"]));
    expect(after[2]).toBe(before[2]);
  });

  it("sees a change deep inside a claim: a new disagreement, a source's title", () => {
    const before = [claim("a", "FALSE", ["Reuters"])];
    const disagreed = { ...claim("a", "FALSE", ["Reuters"]), disagreements: [{ claimId: "b" }] };
    expect(reuseUnchanged(before, [disagreed])[0]).toBe(disagreed);
    const retitled = claim("a", "FALSE", ["AP"]);
    expect(reuseUnchanged(before, [retitled])[0]).toBe(retitled);
  });

  it("keeps the new order, drops removed claims and takes new ones", () => {
    const [a, b] = [claim("a"), claim("b")];
    const c = claim("c");
    const after = reuseUnchanged([a, b], [c, claim("a")]);
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(c);
    expect(after[1]).toBe(a);
  });
});

describe("sameValue", () => {
  it("compares JSON-like values by structure", () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: 0 }] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue("x", "x")).toBe(true);
    expect(sameValue(null, {})).toBe(false);
  });
});
