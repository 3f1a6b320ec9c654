import { cleanImportedText } from "@/lib/text/characters";
import type { DocMark, HardBreakNode, MarkType, TextNode } from "../document";

export type InlineNode = TextNode | HardBreakNode;

// ProseMirror keeps a node's marks sorted by schema rank; emitting them in that order keeps
// the stored JSON identical to what the editor would produce for the same text.
const MARK_RANK: Readonly<Record<MarkType, number>> = { link: 0, bold: 1, italic: 2 };

/** `marks` with `mark` added; an inner link replaces an outer one, as a click would follow it. */
export function addMark(marks: readonly DocMark[], mark: DocMark): DocMark[] {
  return [...marks.filter((m) => m.type !== mark.type), mark].sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

/** A text node of imported text: control characters and broken surrogates never reach the document. */
export function textNode(raw: string, marks: readonly DocMark[]): TextNode {
  const text = cleanImportedText(raw);
  return marks.length === 0 ? { type: "text", text } : { type: "text", text, marks: [...marks] };
}

/**
 * The inline content of one textblock as a browser would lay it out with `white-space: normal`:
 * runs of ASCII whitespace become one space, spaces at the start and end of a line go, and so
 * do line breaks at the very start or end of the block (they add no visible line). Claims
 * anchor to this text, so it must be what a reader sees, not the source's indentation.
 * Non-breaking spaces are content and are kept. Adjacent text with equal marks is merged.
 */
export function layoutInline(nodes: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  let afterSpace = true; // at a line start, a leading space is dropped just like after a space
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      trimTrailingSpace(out);
      out.push(node);
      afterSpace = true;
      continue;
    }
    let text = node.text.replace(/[ \t\n\r\f]+/g, " ");
    if (afterSpace && text.startsWith(" ")) text = text.slice(1);
    if (text === "") continue;
    afterSpace = text.endsWith(" ");
    appendText(out, textNode(text, node.marks ?? []));
  }
  trimTrailingSpace(out);
  while (out[0]?.type === "hardBreak") out.shift();
  while (out.at(-1)?.type === "hardBreak") out.pop();
  return out;
}

function appendText(out: InlineNode[], node: TextNode): void {
  const last = out.at(-1);
  if (last?.type === "text" && sameMarks(last.marks, node.marks)) {
    out[out.length - 1] = { ...last, text: last.text + node.text };
  } else {
    out.push(node);
  }
}

// Collapsing guarantees only the last text node can end in a space that must go: any space
// after it was dropped as a repeat, so one step back is enough.
function trimTrailingSpace(out: InlineNode[]): void {
  const last = out.at(-1);
  if (last?.type !== "text" || !last.text.endsWith(" ")) return;
  const text = last.text.slice(0, -1);
  if (text === "") out.pop();
  else out[out.length - 1] = { ...last, text };
}

function sameMarks(a: readonly DocMark[] = [], b: readonly DocMark[] = []): boolean {
  return (
    a.length === b.length && a.every((mark, i) => mark.type === b[i]?.type && mark.attrs?.href === b[i]?.attrs?.href)
  );
}
