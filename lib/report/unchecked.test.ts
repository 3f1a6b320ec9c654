import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";
import { emptyReport, fixtureReport } from "./testing/fixture";
import { readPdf, squeeze } from "./testing/pdf-text";
import { UNCHECKED_TITLE, buildUnchecked, supportsUnchecked } from "./unchecked";

const unchecked = buildUnchecked({
  state: "ready",
  language: "en",
  sentences: [
    { text: "Unemployment rose by 2 percent last year.", score: 0.91, strength: "strong" },
    { text: "The mayor said *crime* fell by a third.", score: 0.64, strength: "likely" },
  ],
  dismissed: 3,
});

describe("Check-worthy sentences not checked", () => {
  it("numbers the sentences, labels their strength and counts the dismissed ones", () => {
    expect(unchecked.sentences.map((s) => [s.number, s.strengthLabel])).toEqual([
      [1, "Strong"],
      [2, "Likely"],
    ]);
    expect(unchecked.explanation).toBe(
      "2 sentences the check-worthiness model suggested hold no claim, strongest first. 3 suggested sentences were dismissed and are not listed.",
    );
  });

  it("says why there is no list: still computing, not English, nothing left", () => {
    const none = { sentences: [], dismissed: 0 } as const;
    expect(buildUnchecked({ ...none, state: "pending", language: null }).explanation).toMatch(/still finding/);
    expect(buildUnchecked({ ...none, state: "ready", language: "other" }).explanation).toBe(
      "Suggestions are available for English articles only.",
    );
    expect(buildUnchecked({ ...none, state: "ready", language: "en", dismissed: 1 }).explanation).toBe(
      "Every sentence the model found check-worthy holds a claim or was dismissed. 1 suggested sentence was dismissed and is not listed.",
    );
  });

  it("is a section of the Markdown report, after the claims, with the sentences as text", () => {
    const markdown = renderMarkdown({ ...fixtureReport(), unchecked });
    expect(markdown).toContain(`## ${UNCHECKED_TITLE}`);
    expect(markdown.indexOf(UNCHECKED_TITLE)).toBeGreaterThan(markdown.indexOf("## Claims"));
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html).toContain("<strong>Strong</strong> — Unemployment rose by 2 percent last year.");
    expect(html).not.toContain("<em>crime</em>");
    // Also in a report without claims; and absent unless asked for.
    expect(renderMarkdown({ ...emptyReport(), unchecked })).toContain(UNCHECKED_TITLE);
    expect(renderMarkdown(fixtureReport())).not.toContain(UNCHECKED_TITLE);
  });

  it("is a section of the PDF report", async () => {
    const text = squeeze((await readPdf(await renderPdf({ ...fixtureReport(), unchecked }))).text);
    expect(text).toContain(squeeze(UNCHECKED_TITLE));
    expect(text).toContain(squeeze("Strong: Unemployment rose by 2 percent last year."));
  });

  it("is offered for PDF, Markdown and JSON only", () => {
    expect(supportsUnchecked("md")).toBe(true);
    expect(supportsUnchecked("csv")).toBe(false);
    expect(supportsUnchecked("claimreview")).toBe(false);
  });
});
