import { describe, expect, it } from "vitest";
import type { ArticleDoc, BlockNode, DocNode } from "./document";
import { plainTextOf } from "./plain-text";

const text = (value: string): DocNode => ({ type: "text", text: value });
const p = (...content: DocNode[]): BlockNode => ({ type: "paragraph", content });
const item = (...content: BlockNode[]): BlockNode => ({ type: "listItem", content });
const doc = (...content: BlockNode[]): ArticleDoc => ({ type: "doc", content });

describe("plainTextOf", () => {
  it("joins textblocks with a single newline", () => {
    expect(
      plainTextOf(
        doc({ type: "heading", attrs: { level: 1 }, content: [text("Title")] }, p(text("First.")), {
          type: "codeBlock",
          content: [text("a = 1\nb = 2")],
        }),
      ),
    ).toBe("Title\nFirst.\na = 1\nb = 2");
  });

  it("concatenates a block's text nodes regardless of marks", () => {
    expect(plainTextOf(doc(p(text("a "), { type: "text", text: "bold", marks: [{ type: "bold" }] }, text(" z"))))).toBe(
      "a bold z",
    );
  });

  it("turns a hard break into a newline", () => {
    expect(plainTextOf(doc(p(text("line one"), { type: "hardBreak" }, text("line two"))))).toBe("line one\nline two");
  });

  it("reads nested lists and blockquotes in document order", () => {
    const article = doc(
      p(text("before")),
      {
        type: "bulletList",
        content: [
          item(p(text("1")), {
            type: "orderedList",
            content: [
              item(p(text("1.a")), { type: "blockquote", content: [p(text("quoted in list"))] }),
              item(p(text("1.b"))),
            ],
          }),
          item(p(text("2"))),
        ],
      },
      { type: "blockquote", content: [p(text("q1")), { type: "blockquote", content: [p(text("q2"))] }] },
      p(text("after")),
    );
    expect(plainTextOf(article)).toBe("before\n1\n1.a\nquoted in list\n1.b\n2\nq1\nq2\nafter");
  });

  it("contributes nothing for a horizontal rule and an empty line for an empty paragraph", () => {
    expect(plainTextOf(doc(p(text("a")), { type: "horizontalRule" }, { type: "paragraph" }, p(text("b"))))).toBe(
      "a\n\nb",
    );
  });

  it("is empty for an empty document", () => {
    expect(plainTextOf(doc())).toBe("");
  });
});
