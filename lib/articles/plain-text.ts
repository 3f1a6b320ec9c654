import { TEXTBLOCK_TYPES, type ArticleDoc, type DocNode } from "./document";

/**
 * The article's plain text, which claims anchor to: the text of every textblock in reading
 * order, joined by a single "\n"; a hard break inside a block is also "\n".
 * `lib/anchoring` maps offsets in this string to ProseMirror positions by the same rule,
 * so any change here must change both (their agreement is unit-tested).
 */
export const BLOCK_SEPARATOR = "\n";

export function plainTextOf(doc: ArticleDoc): string {
  const blocks: string[] = [];
  const visit = (node: DocNode): void => {
    if (TEXTBLOCK_TYPES.has(node.type)) {
      blocks.push(inlineText(node));
      return;
    }
    if ("content" in node) node.content?.forEach(visit);
  };
  doc.content.forEach(visit);
  return blocks.join(BLOCK_SEPARATOR);
}

function inlineText(node: DocNode): string {
  if (node.type === "text") return node.text;
  if (node.type === "hardBreak") return "\n";
  return ("content" in node ? (node.content ?? []) : []).map(inlineText).join("");
}
