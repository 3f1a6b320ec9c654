export type ArticleFormat = "txt" | "md" | "html" | "docx";

// A Map rather than an object literal so that names like "x.constructor" cannot hit prototype keys.
const FORMAT_BY_EXTENSION: ReadonlyMap<string, ArticleFormat> = new Map([
  ["txt", "txt"],
  ["md", "md"],
  ["markdown", "md"],
  ["html", "html"],
  ["htm", "html"],
  ["docx", "docx"],
]);

/** For a file input's `accept` attribute, so the picker offers only what import understands. */
export const ARTICLE_FILE_EXTENSIONS: readonly string[] = [...FORMAT_BY_EXTENSION.keys()].map(
  (extension) => `.${extension}`,
);

/**
 * The format implied by a file name's extension, or null when import does not support it
 * (notably the old binary .doc, which mammoth cannot read).
 */
export function formatFromFileName(name: string): ArticleFormat | null {
  const extension = /\.([^./\\]+)$/.exec(name.trim())?.[1];
  if (!extension) return null;
  return FORMAT_BY_EXTENSION.get(extension.toLowerCase()) ?? null;
}
