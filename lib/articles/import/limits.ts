/**
 * Every bound on importing an article, in one place. An upload is bounded by what it turns
 * into, not only by its own size: a 200 KB .docx can unpack to millions of paragraphs, and a
 * 2 MB Markdown file to 20 MB of nested lists. Each limit is far above a real article (a long
 * feature is about 10,000 words in a few hundred paragraphs; a Word file of it has some tens of
 * thousands of XML elements) and low enough that a refused input costs at most a second or two.
 * Refusals are ArticleImportError messages that name the limit (see the modules using these).
 */

// --- The upload itself -----------------------------------------------------------------------

/** Upload limit for the raw input (file bytes, or UTF-8 bytes of pasted text). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

// --- .docx (a zip of XML parts), checked before mammoth unzips or parses anything -----------

/** Parts in the zip. Word writes 10–30; each picture or embedded file adds one. */
export const MAX_DOCX_ENTRIES = 1_000;
/**
 * What the parts unpack to, all together: first as the zip's directory declares it, then as
 * actually inflated (a crafted zip can declare less than it holds). Word's XML compresses about
 * 10:1, so a 2 MB .docx of text unpacks to some 20 MB; a zip bomb unpacks to gigabytes.
 */
export const MAX_DOCX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** Paragraphs (`<w:p>`) in all XML parts; empty ones count, as each costs mammoth as much. */
export const MAX_DOCX_PARAGRAPHS = 20_000;
/**
 * XML elements in all parts: mammoth builds a DOM of them, at 15–40 µs and about 1 KB each,
 * so this bounds its time (about 3 s; IMPORT_TIME_LIMIT_MS stops it on a busy machine) and its
 * memory (~200 MB). A 10,000-word Word file has 20,000–50,000: a run of text with its
 * formatting is 3–6 elements, and Word splits runs every few words.
 */
export const MAX_DOCX_ELEMENTS = 200_000;
/** XML nesting; Word nests some 20 levels (tables in tables add ~4 each). */
export const MAX_DOCX_DEPTH = 256;

// --- Markdown, checked before marked parses it --------------------------------------------------

/**
 * marked's work grows with how deeply each line nests (it re-reads the rest of the line per
 * level and recurses per level) and with the number of list and quote markers overall.
 */
export const MAX_MARKDOWN_NESTING = 32;
export const MAX_MARKDOWN_INDENT_COLUMNS = 128;
export const MAX_MARKDOWN_MARKERS = 100_000;
/** Sum over paragraphs of (emphasis delimiters)², see `markdown.ts`: about a second of work. */
export const MARKDOWN_EMPHASIS_BUDGET = 10_000_000;

// --- HTML (pasted, uploaded, or converted from the formats above) -------------------------------

/**
 * Sanitizing and building the document cost a few seconds per 10 MB of HTML. Real articles
 * convert to roughly their own size (heavily formatted Markdown to about 3×).
 */
export const MAX_HTML_LENGTH = 4 * MAX_ARTICLE_BYTES;
/**
 * Tags in the HTML before sanitizing (the sanitizer's and document builder's cost is per tag).
 * A whole saved news page, navigation and all, has some 5,000–20,000.
 */
export const MAX_HTML_ELEMENTS = 200_000;
/**
 * htmlparser2 keeps its open-element stack with Array#unshift, so every tag costs time in
 * proportion to the current depth: 2 MB of unclosed "<b>" (500,000 levels) takes minutes of
 * blocked CPU. Past this depth the input is refused as soon as the parser gets there.
 */
export const MAX_HTML_PARSE_DEPTH = 1000;
/**
 * sanitize-html counts every tag (even discarded ones) towards this depth; tags nested deeper
 * lose their formatting but keep their text, which keeps the document builder's recursion
 * bounded while real articles stay far below it.
 */
export const SANITIZED_NESTING_LIMIT = 200;

// --- The document that is stored -----------------------------------------------------------------

/** Paragraphs, headings, list items, quotes and code blocks, nested ones included. */
export const MAX_BLOCKS = 20_000;
/** The plain text claims anchor to (a 2 MB .txt file is about 2.1 million characters). */
export const MAX_TEXT_CHARS = 2_500_000;
/** The stored document as JSON: what every viewer of the article downloads. */
export const MAX_DOC_JSON_LENGTH = 16 * 1024 * 1024;

// --- The worker pool that runs imports off the server's event loop (lib/server/import-pool.ts) --

/**
 * Running time of one import in its worker; past it the worker is terminated. Real articles
 * take well under a second; everything the limits above let through takes at most a few.
 */
export const IMPORT_TIME_LIMIT_MS = 5_000;
/** Heap of one import worker; past it the worker dies (not the server) and the upload is refused. */
export const IMPORT_MEMORY_LIMIT_MB = 256;
/** Workers: the server's event loop needs a core of its own, and a small machine has two. */
export const IMPORT_WORKERS = 2;
/**
 * How far below the server's own thread the workers are scheduled (`nice(2)`, 0–19): 5 gives
 * the event loop three times a worker's share of a contended core, without starving imports
 * when other programs load the machine (at 10 a large import took three times as long there).
 */
export const IMPORT_WORKER_NICE_INCREMENT = 5;
/** Imports waiting for a worker; more get "busy, try again" (503 with Retry-After). */
export const IMPORT_QUEUE_LIMIT = 8;
/** How long an import may wait for a free worker before it is answered "busy". */
export const IMPORT_QUEUE_WAIT_LIMIT_MS = 30_000;
export const IMPORT_BUSY_RETRY_AFTER_SECONDS = 60;
