import { defaultMarkdownSerializer, MarkdownSerializer } from "prosemirror-markdown";
import { Node as PMNode } from "@tiptap/pm/model";
import type { ArticleDoc } from "./document";
import { articleSchema } from "./extensions";

const { nodes, marks } = defaultMarkdownSerializer;

/**
 * prosemirror-markdown's CommonMark serializer, with the node and mark names of TipTap's schema
 * (lib/articles/extensions.ts). Escaping, emphasis next to spaces, list numbering and fences are
 * the library's: the edit form's text must import back (lib/articles/import) to the same article.
 */
const serializer = new MarkdownSerializer(
  {
    doc: (state, node) => state.renderContent(node),
    text: nodes.text!,
    paragraph: nodes.paragraph!,
    heading: nodes.heading!,
    blockquote: nodes.blockquote!,
    bulletList: nodes.bullet_list!,
    // The default serializers read prosemirror-markdown's attribute names (order, params).
    orderedList: (state, node, parent, index) =>
      nodes.ordered_list!(state, withAttrs(node, { order: node.attrs.start ?? 1 }), parent, index),
    listItem: nodes.list_item!,
    codeBlock: (state, node, parent, index) => nodes.code_block!(state, withAttrs(node, { params: "" }), parent, index),
    horizontalRule: nodes.horizontal_rule!,
    hardBreak: nodes.hard_break!,
  },
  { bold: marks.strong!, italic: marks.em!, link: marks.link! },
  // Also & and < (text such as "&amp;" or "<b>" must stay text, not become an entity or markup),
  // and what the library leaves that CommonMark still reads as a list item at a line's start:
  // "3)" and "1." alone, a lone "+".
  {
    hardBreakNodeName: "hardBreak",
    strict: true,
    escapeExtraCharacters: /[&<]|(?<=^[ \t]*\d{1,9})[.)](?=[ \t]|$)|(?<=^[ \t]*\d{1,9})\)|(?<=^[ \t]*)\+(?=[ \t]|$)/g,
  },
);

/** The node seen with extra attributes; everything else (content, marks) is the node's own. */
function withAttrs(node: PMNode, extra: Record<string, unknown>): PMNode {
  return Object.create(node, { attrs: { value: { ...node.attrs, ...extra } } }) as PMNode;
}

/** An article body as Markdown, for the "Edit article" form (which imports it back as Markdown). */
export function docToMarkdown(doc: ArticleDoc): string {
  return serializer.serialize(PMNode.fromJSON(articleSchema, doc), { tightLists: true });
}
