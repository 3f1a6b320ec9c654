import sanitizeHtml from "sanitize-html";
import { ArticleImportError } from "./import/errors";
import { MAX_HTML_PARSE_DEPTH, SANITIZED_NESTING_LIMIT } from "./import/limits";

/** The only tags an article body can carry; each one maps to a node or mark in `document.ts`. */
export const ARTICLE_TAGS: readonly string[] = [
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "strong",
  "b",
  "em",
  "i",
  "br",
  "pre",
  "code",
  "hr",
];

/**
 * Layout containers from web pages and Word/Google Docs exports. Discarding them outright
 * would glue the text of neighbouring boxes or table cells into one word ("Name</td><td>Age"
 * → "NameAge"), so they become paragraphs: a reader sees one block per box, as on the page.
 */
export const PARAGRAPH_LIKE_TAGS: readonly string[] = [
  "address",
  "article",
  "aside",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "header",
  "legend",
  "main",
  "nav",
  "section",
  "summary",
  "td",
  "th",
];

/**
 * Elements whose content is not article text: code, embedded documents, form widgets and the
 * page title. Their text is dropped along with the tag (everything else keeps its text).
 */
const NON_TEXT_TAGS: readonly string[] = [
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "noscript",
  "noembed",
  "noframes",
  "template",
  "title",
  "svg",
  "math",
  "canvas",
  "textarea",
  "select",
  "option",
  "xmp",
];

/**
 * An absolute http(s) URL, or null. Links in an article point readers at sources, so only
 * web addresses are kept: javascript: and data: can run code, and relative, mailto: or
 * in-page (#footnote) links mean nothing once the text leaves its original page.
 */
export function safeHref(href: string | undefined): string | null {
  if (href === undefined) return null;
  // Browsers ignore tabs and newlines inside URLs; removing them here keeps what a click would open.
  const candidate = href.trim().replace(/[\t\n\r]/g, "");
  if (!/^https?:\/\//i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname) return null;
  } catch {
    return null;
  }
  return candidate;
}

/** A list's first number (`<ol start="3">`), or null when absent or not a plain count. */
export function listStart(start: string | undefined): number | null {
  if (start === undefined || !/^\s*\d{1,9}\s*$/.test(start)) return null;
  return Number(start);
}

function tag(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  return { tagName, attribs };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ARTICLE_TAGS],
  allowedAttributes: { a: ["href"], ol: ["start"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: [...NON_TEXT_TAGS],
  // Deeper tags lose their formatting but keep their text: htmlToDoc's recursion stays bounded.
  nestingLimit: SANITIZED_NESTING_LIMIT,
  // A link whose href was refused keeps its text but not the tag. (Renaming it to a disallowed
  // tag in transformTags would be simpler, but sanitize-html then closes the next element at
  // that depth with the wrong tag, e.g. "<strong>b</span>": apostrophecms/sanitize-html#398.)
  exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href ? "excludeTag" : false),
  transformTags: {
    ...Object.fromEntries(PARAGRAPH_LIKE_TAGS.map((tag) => [tag, "p"])),
    a: (_tagName, attribs) => {
      const href = safeHref(attribs.href);
      return tag("a", href === null ? {} : { href });
    },
    ol: (_tagName, attribs) => {
      const start = listStart(attribs.start);
      return tag("ol", start === null ? {} : { start: String(start) });
    },
  },
};

/**
 * Untrusted HTML reduced to the tags of an article body (`ARTICLE_TAGS`), with no attributes
 * except an http(s) `href` on links and `start` on ordered lists. Dangerous elements lose
 * their content too; any other disallowed tag is dropped but keeps its text.
 * Throws ArticleImportError for HTML nested absurdly deep (see MAX_HTML_PARSE_DEPTH: htmlparser2's
 * cost per tag grows with the depth, so the input is refused as soon as the parser gets there).
 */
export function sanitizeArticleHtml(html: string): string {
  // Counted from sanitize-html's own parser events, so implied closes (<p>, <li>, void
  // elements) are counted exactly as its bundled htmlparser2 applies them.
  let depth = 0;
  return sanitizeHtml(html, {
    ...OPTIONS,
    onOpenTag: () => {
      depth += 1;
      if (depth > MAX_HTML_PARSE_DEPTH) throw tooDeeplyNested();
    },
    onCloseTag: () => {
      depth -= 1;
    },
  });
}

export function tooDeeplyNested(): ArticleImportError {
  return new ArticleImportError(
    `The article's HTML is nested too deeply to import (more than ${MAX_HTML_PARSE_DEPTH.toLocaleString("en")} ` +
      "levels; it is probably damaged): " +
      "paste the article as plain text instead.",
  );
}
