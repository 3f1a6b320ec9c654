import { describe, expect, it } from "vitest";
import { claimOn } from "./testing";
import { ANNOTATION_CONTEXT, toAnnotationCollection, toWebAnnotation } from "./web-annotation";

const TEXT = "Leaders from NATO will hold virtual talks starting at 3 p.m. in Brussels.";
const target = { baseUrl: "https://factline.example", articleId: "a1" };
const claim = {
  ...claimOn(TEXT, "3 p.m. in Brussels", { id: "c1", author: { id: "u1", name: "Erin Editor" }, status: "VERIFIED" }),
  note: "Confirmed by NATO's press office.",
  sources: [
    {
      id: "s1",
      url: "https://www.nato.int/",
      title: "NATO press release",
      publisher: "NATO",
      excerpt: "at 15:00 CET",
      addedBy: { id: "u1", name: "Erin Editor" },
      createdAt: "2026-11-20T10:00:00.000Z",
    },
  ],
};

describe("W3C Web Annotation views", () => {
  it("gives an annotation the model's required keys, an IRI id and both selectors", () => {
    const annotation = toWebAnnotation(claim, target);
    expect(annotation).toMatchObject({
      "@context": ANNOTATION_CONTEXT,
      id: "https://factline.example/api/annotations/c1",
      type: "Annotation",
      motivation: "assessing",
      creator: { type: "Person", name: "Erin Editor" },
      target: {
        source: "https://factline.example/articles/a1",
        selector: [
          { type: "TextPositionSelector", start: TEXT.indexOf("3 p.m."), end: TEXT.indexOf("3 p.m.") + 18 },
          { type: "TextQuoteSelector", exact: "3 p.m. in Brussels", suffix: "." },
        ],
      },
    });
    expect(annotation.body).toEqual([
      expect.objectContaining({ type: "TextualBody", purpose: "assessing", value: "Verified" }),
      expect.objectContaining({ type: "TextualBody", purpose: "commenting", value: "Confirmed by NATO's press office." }),
      expect.objectContaining({ type: "SpecificResource", purpose: "linking", source: expect.objectContaining({ id: "https://www.nato.int/" }) }),
    ]);
  });

  it("embeds annotations in a collection page without repeating the context", () => {
    const collection = toAnnotationCollection([claim], target, "Claims");
    expect(collection).toMatchObject({ "@context": ANNOTATION_CONTEXT, type: "AnnotationCollection", total: 1, first: { type: "AnnotationPage", startIndex: 0 } });
    expect(collection.first.items[0]).not.toHaveProperty("@context");
    expect(collection.first.items[0]?.id).toBe("https://factline.example/api/annotations/c1");
  });
});
