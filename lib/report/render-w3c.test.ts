import { describe, expect, it } from "vitest";
import { toAnnotationCollection } from "@/lib/claims/web-annotation";
import { buildReport } from "./model";
import { renderW3c } from "./render-w3c";
import {
  TRICKY_NOTE,
  TRICKY_PASSAGE,
  emptyReport,
  fixtureClaims,
  fixtureInput,
  fixtureReport,
} from "./testing/fixture";

type Collection = ReturnType<typeof toAnnotationCollection>;

describe("renderW3c", () => {
  it("carries each claim's review as a moderating body; a claim without a verdict has none", () => {
    const collection = JSON.parse(renderW3c(fixtureReport())) as Collection;
    const moderating = collection.first.items.map((item) =>
      (item.body as Array<{ purpose?: string; value?: string }>).find((body) => body.purpose === "moderating")?.value ?? null,
    );
    expect(moderating).toEqual([
      "Signed off by Dmitri Ivanov, 25 Feb 2022",
      "Signed off by Ana Novak, 28 Feb 2022",
      null,
      'Returned by Dmitri Ivanov: Cite the ministry\'s statement itself, not "a source said";\nthen ask again.',
    ]);
  });

  it("is an AnnotationCollection of every claim in scope, in the report's order", () => {
    const collection = JSON.parse(renderW3c(fixtureReport())) as Collection;
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.id).toBe("https://factline.example/articles/article-minsk/annotations");
    expect(collection.label).toBe("Claims in “Kremlin says it is “open to talks” as [sanctions] *bite*”");
    expect(collection.total).toBe(4);
    expect(collection.first.items.map((item) => item.id)).toEqual([
      "https://factline.example/api/annotations/claim-verified",
      "https://factline.example/api/annotations/claim-tricky",
      "https://factline.example/api/annotations/claim-unverified",
      "https://factline.example/api/annotations/claim-orphan",
    ]);
    for (const item of collection.first.items) {
      expect(item.type).toBe("Annotation");
      expect(item.body.length).toBeGreaterThan(0);
      expect(item.target.source).toBe("https://factline.example/articles/article-minsk");
      expect(item.target.selector.map((selector) => selector.type)).toEqual([
        "TextPositionSelector",
        "TextQuoteSelector",
      ]);
    }
  });

  it("is exactly what the annotations API gives for the same claims", () => {
    const claims = fixtureClaims();
    const fromReport = JSON.parse(renderW3c(fixtureReport())) as Collection;
    const fromApi = JSON.parse(
      JSON.stringify(
        toAnnotationCollection(
          claims,
          { baseUrl: "https://factline.example", articleId: "article-minsk" },
          fromReport.label,
        ),
      ),
    ) as Collection;
    const byId = (c: Collection) => [...c.first.items].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(fromReport)).toEqual(byId(fromApi));
  });

  it("keeps the tricky passage and note intact", () => {
    const collection = JSON.parse(renderW3c(fixtureReport())) as Collection;
    const tricky = collection.first.items[1]!;
    expect(tricky.target.selector[1]).toMatchObject({ type: "TextQuoteSelector", exact: TRICKY_PASSAGE });
    expect(tricky.body).toContainEqual({
      type: "TextualBody",
      purpose: "commenting",
      value: TRICKY_NOTE,
      format: "text/plain",
    });
  });

  it("names the scope, and says so when there are no claims", () => {
    const mine = JSON.parse(
      renderW3c(buildReport(fixtureInput({ scope: { kind: "mine", editorName: "Ana Novak" } }))),
    ) as Collection;
    expect(mine.label).toMatch(/\(Claims by Ana Novak\)$/);
    const empty = JSON.parse(renderW3c(emptyReport())) as Collection;
    expect(empty.total).toBe(0);
    expect(empty.first.items).toEqual([]);
    expect(empty.label).toContain("No claims have been marked in this article.");
  });
});
