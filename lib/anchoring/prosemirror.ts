import type { Node as PMNode } from "@tiptap/pm/model";
import { TEXTBLOCK_TYPES } from "../articles/document";
import { BLOCK_SEPARATOR } from "../articles/plain-text";

/**
 * Maps between offsets in the article's plain text (what selectors address) and ProseMirror
 * positions (what the editor selects and decorates), by the rule of `plainTextOf`: textblocks in
 * document order joined by "\n", a hard break is "\n", text is UTF-16 like ProseMirror.
 *
 * Inside a textblock the two count alike: a text character is one offset and one position, a
 * hard break is one offset ("\n") and one position. Only between blocks do they differ: one "\n"
 * offset stands for the closing and opening tokens (and any wrapping list/quote tokens) between
 * two blocks' contents, and has no position of its own. A range boundary on such a separator
 * goes to content: a start to the start of the next block, an end to the end of the previous one.
 */
export interface TextIndex {
  /** Equal to plainTextOf(doc.toJSON()). */
  text: string;
  /** ProseMirror position for a range boundary at `offset` (0..text.length). */
  toPos(offset: number, side: "start" | "end"): number;
  /** Plain-text offset for a ProseMirror position; positions between blocks go to the next block's start. */
  toOffset(pos: number): number;
}

interface Block {
  startOffset: number;
  endOffset: number;
  contentStart: number;
  contentEnd: number;
}

export function buildTextIndex(doc: PMNode): TextIndex {
  const texts: string[] = [];
  const blocks: Block[] = [];
  const startPos: number[] = []; // position for a range starting at offset i
  const endPos: number[] = []; // position for a range ending at offset i
  const offsetAt = new Int32Array(doc.content.size + 1).fill(-1); // offset for position p
  let offset = 0;

  doc.descendants((node, pos) => {
    if (!TEXTBLOCK_TYPES.has(node.type.name)) return true;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    const block: Block = {
      startOffset: offset,
      endOffset: offset,
      contentStart: pos + 1,
      contentEnd: pos + node.nodeSize - 1,
    };
    startPos[offset] = block.contentStart;
    endPos[offset] = block.contentStart;
    let blockText = "";
    const visitInline = (parent: PMNode, parentContentStart: number): void => {
      parent.forEach((child, childOffset) => {
        const childPos = parentContentStart + childOffset;
        offsetAt[childPos] = offset;
        if (child.isText || child.type.name === "hardBreak") {
          // Text and hard breaks: one offset per position.
          const childText = child.isText ? (child.text ?? "") : "\n";
          for (let i = 0; i < childText.length; i++) {
            startPos[offset + i] = childPos + i;
            endPos[offset + i + 1] = childPos + i + 1;
            offsetAt[childPos + i] = offset + i;
          }
          offset += childText.length;
          blockText += childText;
        } else if (!child.isLeaf) {
          visitInline(child, childPos + 1); // plainTextOf reads through inline wrappers
        }
        // Other inline leaves (none in articles today) have no text, as in plainTextOf.
        offsetAt[childPos + child.nodeSize] = offset;
      });
    };
    visitInline(node, block.contentStart);
    offsetAt[block.contentStart] = block.startOffset;
    offsetAt[block.contentEnd] = offset;
    startPos[offset] = block.contentEnd;
    endPos[offset] = block.contentEnd;
    block.endOffset = offset;
    blocks.push(block);
    texts.push(blockText);
    return false;
  });

  applySeparatorRule(blocks, startPos, endPos);
  const text = texts.join(BLOCK_SEPARATOR);

  // Positions between blocks (list and quote tokens, horizontal rules) go to the next block's start.
  let next = text.length;
  for (let pos = offsetAt.length - 1; pos >= 0; pos--) {
    if (offsetAt[pos] === -1) offsetAt[pos] = next;
    else next = offsetAt[pos] ?? next;
  }

  const clampOffset = (value: number): number => Math.min(Math.max(Math.trunc(value), 0), text.length);
  const fallback = blocks[0]?.contentStart ?? 0;
  return {
    text,
    toPos(value, side) {
      const at = clampOffset(value);
      return (side === "start" ? startPos[at] : endPos[at]) ?? fallback;
    },
    toOffset(pos) {
      const at = Math.min(Math.max(Math.trunc(pos), 0), offsetAt.length - 1);
      return offsetAt[at] ?? 0;
    },
  };
}

/**
 * A range that starts on a separator starts at the next block with text; one that ends just
 * after a separator ends at the previous block with text. Empty blocks are passed over, so a
 * range never starts or ends inside an empty paragraph nobody can see it in.
 */
function applySeparatorRule(blocks: readonly Block[], startPos: number[], endPos: number[]): void {
  const last = blocks[blocks.length - 1];
  const first = blocks[0];
  if (!first || !last) return;
  const isEmpty = (block: Block): boolean => block.startOffset === block.endOffset;

  let nextWithText = last.contentStart;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (!block) continue;
    if (i < blocks.length - 1) startPos[block.endOffset] = nextWithText;
    if (!isEmpty(block)) nextWithText = block.contentStart;
  }
  let previousWithText = first.contentEnd;
  blocks.forEach((block, i) => {
    if (i > 0) endPos[block.startOffset] = previousWithText;
    if (!isEmpty(block)) previousWithText = block.contentEnd;
  });
}

/**
 * The ProseMirror range for plain-text offsets [start, end). A range made only of block
 * separators maps to the gap between the blocks (from the end of one to the start of the next).
 */
export function offsetsToRange(index: TextIndex, start: number, end: number): { from: number; to: number } {
  const from = index.toPos(start, "start");
  const to = index.toPos(end, "end");
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Plain-text offsets of a ProseMirror selection; null when it covers no text. */
export function selectionToOffsets(index: TextIndex, from: number, to: number): { start: number; end: number } | null {
  const a = index.toOffset(Math.min(from, to));
  const b = index.toOffset(Math.max(from, to));
  return a < b ? { start: a, end: b } : null;
}
