/**
 * The article body as stored: TipTap (ProseMirror) JSON restricted to the nodes and marks the
 * read-only viewer renders. Import produces only these; the viewer's extensions accept exactly these.
 */
export type MarkType = "bold" | "italic" | "link";

export interface DocMark {
  type: MarkType;
  attrs?: { href: string };
}

export type BlockType =
  | "paragraph"
  | "heading"
  | "blockquote"
  | "bulletList"
  | "orderedList"
  | "listItem"
  | "codeBlock"
  | "horizontalRule";

export interface TextNode {
  type: "text";
  text: string;
  marks?: DocMark[];
}

export interface HardBreakNode {
  type: "hardBreak";
}

export interface BlockNode {
  type: BlockType;
  attrs?: { level?: number; start?: number };
  content?: DocNode[];
}

export type DocNode = TextNode | HardBreakNode | BlockNode;

export interface ArticleDoc {
  type: "doc";
  content: BlockNode[];
}

/** Blocks whose children are inline content; each one becomes one line of the plain text. */
export const TEXTBLOCK_TYPES: ReadonlySet<string> = new Set(["paragraph", "heading", "codeBlock"]);
