import { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import type { ArticleDoc, BlockNode, DocMark, DocNode } from "../articles/document";
import { articleSchema } from "../articles/extensions";
import { plainTextOf } from "../articles/plain-text";
import { locate } from "./locate";
import { buildTextIndex, offsetsToRange, selectionToOffsets } from "./prosemirror";
import { describeRange } from "./selectors";

const text = (value: string, ...marks: DocMark[]): DocNode =>
  marks.length > 0 ? { type: "text", text: value, marks } : { type: "text", text: value };
const bold: DocMark = { type: "bold" };
const italic: DocMark = { type: "italic" };
const link = (href: string): DocMark => ({ type: "link", attrs: { href } });
const hardBreak: DocNode = { type: "hardBreak" };
const p = (...content: DocNode[]): BlockNode =>
  content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
const h = (level: number, ...content: DocNode[]): BlockNode => ({ type: "heading", attrs: { level }, content });
const li = (...blocks: BlockNode[]): BlockNode => ({ type: "listItem", content: blocks });
const ul = (...items: BlockNode[]): BlockNode => ({ type: "bulletList", content: items });
const ol = (...items: BlockNode[]): BlockNode => ({ type: "orderedList", attrs: { start: 1 }, content: items });
const quote = (...blocks: BlockNode[]): BlockNode => ({ type: "blockquote", content: blocks });
const hr: BlockNode = { type: "horizontalRule" };
const code = (value: string): BlockNode => ({ type: "codeBlock", content: [text(value)] });

const ARTICLE: ArticleDoc = {
  type: "doc",
  content: [
    h(1, text("Russia open to talks in "), text("Minsk", italic), text(", Kremlin says")),
    p(
      text("Russian President, "),
      text("Vladimir Putin", bold),
      text(", has reportedly said that Russia is open to sending a delegation to "),
      text("Minsk", link("https://example.com/minsk")),
      text(" for talks with Ukraine."),
    ),
    quote(
      p(
        text("“Following "),
        text("Zelensky’s", bold, italic),
        text(" proposal to discuss the neutral status of Ukraine…”"),
      ),
    ),
    ul(
      li(p(text("Obolon district: "), text("fighting reported", bold))),
      li(p(text("Brussels, 3 p.m.:"), hardBreak, text("NATO virtual talks"))),
    ),
    hr,
    p(),
    ol(li(p(text("Café Kyïv 🇺🇦 reopened 👍🏽"))), li(p(text("Le président a appelé Poutine".normalize("NFD"))))),
    code("const talks = await minsk();"),
    p(text("He added, “The sooner this conversation begins, the smaller the losses.”"), hardBreak),
  ],
};

function toNode(doc: ArticleDoc): PMNode {
  return PMNode.fromJSON(articleSchema, doc);
}

/** Block separators and hard breaks are both "\n"; across blocks we compare modulo those. */
function modSeparators(value: string): string {
  return value.replace(/\n+/g, "\n").replace(/^\n+|\n+$/g, "");
}

/** Offsets of the "\n" between two blocks (not hard breaks), worked out from the document itself. */
function separatorOffsets(doc: PMNode): Set<number> {
  const lengths: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    lengths.push(doc.textBetween(pos + 1, pos + node.nodeSize - 1, "\n", "\n").length);
    return false;
  });
  const separators = new Set<number>();
  let offset = 0;
  lengths.forEach((length, i) => {
    offset += length;
    if (i < lengths.length - 1) separators.add(offset);
    offset += 1;
  });
  return separators;
}

function checkAllRanges(doc: PMNode): void {
  const index = buildTextIndex(doc);
  expect(index.text).toBe(plainTextOf(doc.toJSON() as ArticleDoc));
  const separators = [...separatorOffsets(doc)];
  const n = index.text.length;
  for (let start = 0; start < n; start++) {
    // Every short range, and a sample of long ones (all of them take seconds).
    for (let end = start + 1; end <= n; end += end - start < 48 ? 1 : 11) {
      const expected = index.text.slice(start, end);
      const { from, to } = offsetsToRange(index, start, end);
      expect(from).toBeLessThanOrEqual(to);
      const actual = doc.textBetween(from, to, "\n", "\n");
      if (!separators.some((offset) => offset >= start && offset < end)) {
        expect(actual, `[${start}, ${end})`).toBe(expected);
      } else {
        expect(modSeparators(actual), `[${start}, ${end})`).toBe(modSeparators(expected));
      }
    }
  }
}

describe("buildTextIndex", () => {
  it("produces exactly plainTextOf's text", () => {
    const doc = toNode(ARTICLE);
    expect(buildTextIndex(doc).text).toBe(plainTextOf(ARTICLE));
  });

  it("maps ranges inside a block to exactly the quoted text, through marks, lists, quotes, breaks", () => {
    const doc = toNode(ARTICLE);
    const index = buildTextIndex(doc);
    for (const passage of [
      "Vladimir Putin, has reportedly",
      "delegation to Minsk for talks",
      "Zelensky’s proposal",
      "fighting reported",
      "3 p.m.:\nNATO virtual",
      "🇺🇦 reopened 👍🏽",
      "Le président a appelé".normalize("NFD"),
      "await minsk()",
      "the smaller the losses.”\n",
    ]) {
      const start = index.text.indexOf(passage);
      expect(start, passage).toBeGreaterThanOrEqual(0);
      const { from, to } = offsetsToRange(index, start, start + passage.length);
      expect(doc.textBetween(from, to, "\n", "\n")).toBe(passage);
      expect(selectionToOffsets(index, from, to)).toEqual({ start, end: start + passage.length });
    }
  });

  it("maps every range of a varied article consistently with textBetween", () => {
    checkAllRanges(toNode(ARTICLE));
  });

  it("sends a boundary on a block separator to content: start to the next block, end to the previous", () => {
    const doc = toNode({ type: "doc", content: [p(text("Kyiv")), ul(li(p(text("Minsk"))))] });
    const index = buildTextIndex(doc);
    expect(index.text).toBe("Kyiv\nMinsk");
    const kyivEnd = 1 + "Kyiv".length; // inside the first paragraph, after "Kyiv"
    const minskStart = doc.content.size - 3 - "Minsk".length; // before "Minsk": after </p>, <ul><li><p>
    expect(doc.textBetween(minskStart, minskStart + 5)).toBe("Minsk");
    expect(index.toPos(4, "start")).toBe(minskStart);
    expect(index.toPos(4, "end")).toBe(kyivEnd);
    expect(index.toPos(5, "start")).toBe(minskStart);
    expect(index.toPos(5, "end")).toBe(kyivEnd);
    // "\n" alone has no content: the range is the gap between the blocks.
    expect(offsetsToRange(index, 4, 5)).toEqual({ from: kyivEnd, to: minskStart });
    // "Kyiv\n" ends at the end of "Kyiv"; "\nMinsk" starts at the start of "Minsk".
    expect(offsetsToRange(index, 0, 5)).toEqual({ from: 1, to: kyivEnd });
    expect(offsetsToRange(index, 4, 10)).toEqual({ from: minskStart, to: minskStart + 5 });
  });

  it("round-trips offsets and positions inside text", () => {
    const doc = toNode(ARTICLE);
    const index = buildTextIndex(doc);
    const separators = separatorOffsets(doc);
    for (let offset = 0; offset <= index.text.length; offset++) {
      // A boundary next to separators moves over them (and over empty blocks between them).
      let afterSeparators = offset;
      while (separators.has(afterSeparators)) afterSeparators++;
      let beforeSeparators = offset;
      while (separators.has(beforeSeparators - 1)) beforeSeparators--;
      expect(index.toOffset(index.toPos(offset, "start")), `start ${offset}`).toBe(
        afterSeparators <= index.text.length ? afterSeparators : offset,
      );
      expect(index.toOffset(index.toPos(offset, "end")), `end ${offset}`).toBe(beforeSeparators);
    }
    doc.descendants((node, pos) => {
      if (!node.isText) return true;
      for (let i = 0; i <= node.nodeSize; i++) {
        const offset = index.toOffset(pos + i);
        expect(index.toPos(offset, i === 0 ? "start" : "end")).toBe(pos + i);
      }
      return false;
    });
  });

  it("maps positions between blocks to the next block and handles empty documents and selections", () => {
    const doc = toNode({ type: "doc", content: [p(text("Kyiv")), hr, p(text("Minsk"))] });
    const index = buildTextIndex(doc);
    expect(index.text).toBe("Kyiv\nMinsk");
    for (let pos = 0; pos <= doc.content.size; pos++) {
      const offset = index.toOffset(pos);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(index.text.length);
    }
    expect(selectionToOffsets(index, 3, 3)).toBeNull();
    expect(selectionToOffsets(index, 1, 5)).toEqual({ start: 0, end: 4 });
    // A node selection of the horizontal rule covers no text.
    expect(selectionToOffsets(index, 6, 7)).toBeNull();

    const empty = buildTextIndex(toNode({ type: "doc", content: [p()] }));
    expect(empty.text).toBe("");
    expect(empty.toPos(0, "start")).toBe(1);
    expect(empty.toOffset(0)).toBe(0);
  });

  it("agrees with plainTextOf and textBetween on generated documents", () => {
    let state = 12345;
    const next = (): number => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const words = ["Kyiv", "Minsk ", "talks", " 🇺🇦", "é", "e\u0301", "“quoted”", " ", "NATO, ", "👍🏽", "x"];
    const inline = (): DocNode[] => {
      const nodes: DocNode[] = [];
      const count = Math.floor(next() * 4);
      for (let i = 0; i < count; i++) {
        if (next() < 0.2) nodes.push(hardBreak);
        else
          nodes.push(text(pick(words), ...(next() < 0.4 ? [pick([bold, italic, link("https://example.com")])] : [])));
      }
      return nodes;
    };
    const block = (depth: number): BlockNode => {
      const roll = next();
      if (depth < 2 && roll < 0.15) return ul(li(block(depth + 1)), li(block(depth + 1)));
      if (depth < 2 && roll < 0.25) return quote(block(depth + 1));
      if (roll < 0.3) return hr;
      if (roll < 0.4) return h(2, ...inline());
      return p(...inline());
    };
    for (let round = 0; round < 60; round++) {
      const content = Array.from({ length: 1 + Math.floor(next() * 5) }, () => block(0));
      const json: ArticleDoc = { type: "doc", content };
      const doc = toNode(json);
      expect(buildTextIndex(doc).text).toBe(plainTextOf(json));
      checkAllRanges(doc);
    }
  });
});

describe("anchoring through ProseMirror", () => {
  it("turns an editor selection into selectors and back into the same selection after an edit", () => {
    const doc = toNode(ARTICLE);
    const index = buildTextIndex(doc);
    const start = index.text.indexOf("Vladimir Putin");
    const { from, to } = offsetsToRange(index, start, start + "Vladimir Putin, has reportedly said".length);
    const offsets = selectionToOffsets(index, from, to);
    if (!offsets) throw new Error("empty selection");
    const claim = describeRange(index.text, offsets.start, offsets.end);

    const edited: ArticleDoc = { ...ARTICLE, content: [p(text("Update: talks confirmed.")), ...ARTICLE.content] };
    const editedDoc = toNode(edited);
    const editedIndex = buildTextIndex(editedDoc);
    const anchor = locate(editedIndex.text, claim);
    if (anchor.status !== "anchored") throw new Error(anchor.reason);
    const range = offsetsToRange(editedIndex, anchor.start, anchor.end);
    expect(editedDoc.textBetween(range.from, range.to, "\n", "\n")).toBe("Vladimir Putin, has reportedly said");
  });
});
