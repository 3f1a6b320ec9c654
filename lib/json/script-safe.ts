/**
 * JSON that can be pasted into an HTML page as it is. JSON allows "</script>" and the line
 * separators U+2028/U+2029 inside strings; a page that embeds a ClaimReview export in
 * `<script type="application/ld+json">` (the usual way to publish one) would end the script
 * at the first "</script>" in a note and run what follows. Escaped as \u003c etc., the text
 * parses to exactly the same value, and no HTML parser sees markup in it.
 *
 * These characters occur in JSON text only inside strings, so replacing them everywhere in the
 * serialized text is exact.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON text with <, >, &, U+2028 and U+2029 written as \u escapes. */
export function escapeJsonForHtml(json: string): string {
  return json.replace(UNSAFE, (char) => ESCAPES[char] ?? char);
}

/** JSON.stringify (with `space` for indentation), escaped by escapeJsonForHtml. */
export function stringifyJson(value: unknown, space?: number): string {
  const json = JSON.stringify(value, null, space);
  if (json === undefined) throw new TypeError("This value has no JSON form.");
  return escapeJsonForHtml(json);
}
