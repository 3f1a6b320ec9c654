import { describe, expect, it } from "vitest";
import { linkSegments } from "./links";

describe("linkSegments", () => {
  it("makes http and https addresses links and keeps the text around them", () => {
    expect(linkSegments("See https://stats.example.org/a?b=1 and http://x.example now")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://stats.example.org/a?b=1", href: "https://stats.example.org/a?b=1" },
      { kind: "text", text: " and " },
      { kind: "link", text: "http://x.example", href: "http://x.example/" },
      { kind: "text", text: " now" },
    ]);
  });

  it("leaves sentence punctuation after an address out of the link", () => {
    expect(linkSegments("Source: https://example.org/report.")).toEqual([
      { kind: "text", text: "Source: " },
      { kind: "link", text: "https://example.org/report", href: "https://example.org/report" },
      { kind: "text", text: "." },
    ]);
    expect(linkSegments("(see https://en.wikipedia.org/wiki/Foo_(bar))")[1]).toEqual({
      kind: "link",
      text: "https://en.wikipedia.org/wiki/Foo_(bar)",
      href: "https://en.wikipedia.org/wiki/Foo_(bar)",
    });
  });

  it("never links other schemes", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org/file", "mailto:a@b.c"]) {
      expect(linkSegments(text)).toEqual([{ kind: "text", text }]);
    }
  });

  it("keeps text without links as one segment, and empty text as none", () => {
    expect(linkSegments("Plain text.")).toEqual([{ kind: "text", text: "Plain text." }]);
    expect(linkSegments("")).toEqual([]);
  });
});
