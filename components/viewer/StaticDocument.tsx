import { Fragment, type ReactNode } from "react";
import type { ArticleDoc, DocMark, DocNode } from "@/lib/articles/document";

/**
 * The article rendered to plain elements: what the server sends and the browser shows until the
 * TipTap viewer mounts (it renders the same structure, so nothing moves when it takes over).
 */
export function StaticDocument({ doc }: { doc: ArticleDoc }) {
  return <div className="static-doc">{doc.content.map(renderNode)}</div>;
}

function renderNode(node: DocNode, index: number): ReactNode {
  if (node.type === "text") return <Fragment key={index}>{(node.marks ?? []).reduceRight(wrapMark, node.text as ReactNode)}</Fragment>;
  if (node.type === "hardBreak") return <br key={index} />;
  const children = node.content?.map(renderNode);
  switch (node.type) {
    case "paragraph":
      return <p key={index}>{children}</p>;
    case "heading": {
      const level = Math.min(Math.max(node.attrs?.level ?? 2, 1), 6);
      const Tag = `h${level}` as "h1";
      return <Tag key={index}>{children}</Tag>;
    }
    case "blockquote":
      return <blockquote key={index}>{children}</blockquote>;
    case "bulletList":
      return <ul key={index}>{children}</ul>;
    case "orderedList":
      return <ol key={index} start={node.attrs?.start}>{children}</ol>;
    case "listItem":
      return <li key={index}>{children}</li>;
    case "codeBlock":
      return <pre key={index}><code>{children}</code></pre>;
    case "horizontalRule":
      return <hr key={index} />;
  }
}

function wrapMark(inner: ReactNode, mark: DocMark): ReactNode {
  if (mark.type === "bold") return <strong>{inner}</strong>;
  if (mark.type === "italic") return <em>{inner}</em>;
  const href = mark.attrs?.href ?? "";
  return /^https?:\/\//i.test(href) ? (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {inner}
    </a>
  ) : (
    inner
  );
}
