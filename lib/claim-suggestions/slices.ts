/**
 * Where to cut a long text so that scoring it can yield to the server between pieces: at line
 * breaks (the plain text's paragraph boundaries, which no sentence crosses) near every `size`
 * characters; a paragraph longer than `size` stays whole. Half-open ranges covering the text.
 */
export function slicesOf(text: string, size: number): Array<{ start: number; end: number }> {
  const slices: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    let cut = text.lastIndexOf("\n", limit);
    if (cut <= start) cut = text.indexOf("\n", limit);
    if (cut < 0) break;
    slices.push({ start, end: cut + 1 });
    start = cut + 1;
  }
  if (start < text.length || slices.length === 0) slices.push({ start, end: text.length });
  return slices;
}

/** At most this many suggestions are kept per revision, the highest scores: no desk reads more. */
export const MAX_STORED_SUGGESTIONS = 1_000;
