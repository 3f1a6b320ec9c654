import { parseDocument } from "htmlparser2";
import { isTag, isText, type ChildNode, type Element } from "domhandler";
import type { ArticleDoc, BlockNode, DocMark, DocNode } from "../document";
import { PARAGRAPH_LIKE_TAGS, listStart, safeHref, tooDeeplyNested } from "../sanitize";
import { cleanImportedText } from "@/lib/text/characters";
import { addMark, layoutInline, textNode, type InlineNode } from "./inline";
import { MAX_HTML_PARSE_DEPTH } from "./limits";

/**
 * Sanitized output is at most 200 tags deep (see `sanitize.ts`); this only stops unsanitized
 * input from overflowing the stack, with a message instead of a crash.
 */
const MAX_DEPTH = MAX_HTML_PARSE_DEPTH;

// Defensive duplicates of the sanitizer's rules, for callers that pass HTML it has not seen.
const SKIPPED_TAGS = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "template",
  "title",
  "svg",
  "math",
  "noscript",
  "textarea",
  "select",
]);
const BOUNDARY_TAGS = new Set(["p", "li", ...PARAGRAPH_LIKE_TAGS]);
const HEADING_LEVEL: ReadonlyMap<string, number> = new Map([
  ["h1", 1],
  ["h2", 2],
  ["h3", 3],
  ["h4", 4],
  ["h5", 5],
  ["h6", 6],
]);

type Textblock = (content: DocNode[]) => BlockNode;
const paragraph: Textblock = (content) => ({ type: "paragraph", content });

/**
 * The blocks of one container (the document, a blockquote, a list item). Inline content
 * gathers until a block starts, then becomes a textblock; this is how bare text at the top
 * level or in a blockquote ends up in a paragraph, and why a block nested inside inline
 * markup (`<strong><p>…</p></strong>`, which htmlparser2 does not repair) still works.
 */
class Flow {
  readonly blocks: BlockNode[] = [];
  private inline: InlineNode[] = [];
  /** What pending inline content becomes: a paragraph, or a heading while inside `<hN>`. */
  textblock: Textblock = paragraph;

  addInline(node: InlineNode): void {
    this.inline.push(node);
  }

  addBlock(block: BlockNode): void {
    this.flush();
    this.blocks.push(block);
  }

  flush(): void {
    const content = layoutInline(this.inline);
    this.inline = [];
    // `<p>&nbsp;</p>` is how editors and CMSs fake vertical space; it is as empty as `<p></p>`.
    if (content.some((node) => node.type === "text" && node.text.trim() !== "")) {
      this.blocks.push(this.textblock(content));
    }
  }

  finish(): BlockNode[] {
    this.flush();
    return this.blocks;
  }
}

/**
 * An article document from sanitized HTML (`sanitizeArticleHtml`). Whitespace is laid out as
 * a browser would, entities are decoded, and empty text and paragraphs are left out, so the
 * result can have no blocks at all; the caller decides whether that is an error.
 */
export function htmlToDoc(html: string): ArticleDoc {
  const dom = parseDocument(html, { decodeEntities: true });
  return { type: "doc", content: blocksOf(dom.children, [], 0) };
}

function blocksOf(nodes: readonly ChildNode[], marks: readonly DocMark[], depth: number): BlockNode[] {
  const flow = new Flow();
  walk(nodes, marks, flow, depth);
  return flow.finish();
}

function walk(nodes: readonly ChildNode[], marks: readonly DocMark[], flow: Flow, depth: number): void {
  if (depth > MAX_DEPTH) {
    throw tooDeeplyNested();
  }
  for (const node of nodes) {
    if (isText(node)) flow.addInline(textNode(node.data, marks));
    else if (isTag(node)) walkElement(node, marks, flow, depth + 1);
    // Comments, CDATA and doctypes are not text a reader sees.
  }
}

function walkElement(el: Element, marks: readonly DocMark[], flow: Flow, depth: number): void {
  const name = el.name;
  const level = HEADING_LEVEL.get(name);
  if (level !== undefined) {
    flow.flush();
    const outer = flow.textblock;
    flow.textblock = (content) => ({ type: "heading", attrs: { level }, content });
    walk(el.children, marks, flow, depth);
    flow.flush();
    flow.textblock = outer;
    return;
  }
  if (BOUNDARY_TAGS.has(name)) {
    // A paragraph is just a boundary: what is inside becomes the current textblock type.
    flow.flush();
    walk(el.children, marks, flow, depth);
    flow.flush();
    return;
  }
  if (SKIPPED_TAGS.has(name)) return;
  switch (name) {
    case "strong":
    case "b":
      return walk(el.children, addMark(marks, { type: "bold" }), flow, depth);
    case "em":
    case "i":
      return walk(el.children, addMark(marks, { type: "italic" }), flow, depth);
    case "a": {
      const href = safeHref(el.attribs.href);
      const inner = href === null ? marks : addMark(marks, { type: "link", attrs: { href } });
      return walk(el.children, inner, flow, depth);
    }
    case "br":
      return flow.addInline({ type: "hardBreak" });
    case "hr":
      return flow.addBlock({ type: "horizontalRule" });
    case "pre": {
      const code = codeBlock(el, depth);
      if (code) flow.addBlock(code);
      else flow.flush();
      return;
    }
    case "blockquote": {
      const content = blocksOf(el.children, marks, depth);
      if (content.length > 0) flow.addBlock({ type: "blockquote", content });
      else flow.flush();
      return;
    }
    case "ul":
    case "ol": {
      const list = listBlock(el, marks, depth);
      if (list) flow.addBlock(list);
      else flow.flush();
      return;
    }
    default:
      // Inline tags without a mark in the schema (`code`, `span`, …) keep just their text.
      return walk(el.children, marks, flow, depth);
  }
}

function listBlock(el: Element, marks: readonly DocMark[], depth: number): BlockNode | null {
  // Anything between items (often a nested <ul> written as a sibling of its <li>, which
  // some editors emit) belongs to the item before it, where a browser shows it.
  const groups: ChildNode[][] = [];
  for (const child of el.children) {
    if (isTag(child) && child.name === "li") groups.push([...child.children]);
    else if (groups.length > 0) groups.at(-1)?.push(child);
    else groups.push([child]);
  }
  const items = groups
    .map((group) => blocksOf(group, marks, depth + 1))
    .filter((blocks) => blocks.length > 0)
    .map((blocks): BlockNode => ({ type: "listItem", content: startWithParagraph(blocks) }));
  if (items.length === 0) return null;
  if (el.name === "ul") return { type: "bulletList", content: items };
  const start = listStart(el.attribs.start);
  return start === null
    ? { type: "orderedList", content: items }
    : { type: "orderedList", attrs: { start }, content: items };
}

/**
 * The schema's list item is `paragraph block*`. A heading first (Markdown `- # Title`) keeps
 * its text on the bullet's line as a paragraph; any other block first (an item that is only
 * a nested list) gets an empty paragraph before it, which is what ProseMirror itself does.
 */
function startWithParagraph(blocks: BlockNode[]): BlockNode[] {
  const [first, ...rest] = blocks;
  if (!first || first.type === "paragraph") return blocks;
  if (first.type === "heading") return [{ type: "paragraph", content: first.content ?? [] }, ...rest];
  return [{ type: "paragraph" }, ...blocks];
}

function codeBlock(pre: Element, depth: number): BlockNode | null {
  const raw = cleanImportedText(rawText(pre.children, depth)).replace(/\r\n?/g, "\n");
  // HTML ignores one newline right after <pre>; trailing newlines (Markdown always adds one)
  // would show as empty lines at the end of the block.
  const text = raw.replace(/^\n/, "").replace(/\n+$/, "");
  if (text.trim() === "") return null;
  return { type: "codeBlock", content: [{ type: "text", text }] };
}

/** Text inside <pre> exactly as written; the code block holds text only (no marks, no breaks). */
function rawText(nodes: readonly ChildNode[], depth: number): string {
  if (depth > MAX_DEPTH) {
    throw tooDeeplyNested();
  }
  let text = "";
  for (const node of nodes) {
    if (isText(node)) text += node.data;
    else if (isTag(node)) {
      if (node.name === "br") text += "\n";
      else if (!SKIPPED_TAGS.has(node.name)) text += rawText(node.children, depth + 1);
    }
  }
  return text;
}
