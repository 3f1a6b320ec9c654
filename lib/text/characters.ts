/**
 * The characters Factline will not store as they came, and how each kind of text is cleaned.
 * Pure string functions; the zod field builders in ./fields.ts apply them to every text field of
 * every write input, and the article importer to imported text.
 *
 * - An unpaired UTF-16 surrogate is not a character at all: neither database can store it (a
 *   500 before this check), and a browser cannot produce one from typing or pasting. Input
 *   fields refuse it (a broken client or encoder sent it); imported text gets U+FFFD instead.
 * - Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) are invisible, so
 *   an editor could not find one to remove it: they are cleaned, not refused. Line-breaking
 *   ones become a line break in multi-line text (a space in single-line text), the rest go.
 * - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what is shown
 *   without changing what is stored, so a title or a publisher could read as something else
 *   ("Trojan Source"). Single-line fields drop them; multi-line text (notes, excerpts, articles)
 *   keeps them, as mixed-direction writing legitimately uses them.
 */

/** Where `text` has an unpaired surrogate (UTF-16 index), or -1 when it is well-formed Unicode. */
export function loneSurrogateIndex(text: string): number {
  if (text.isWellFormed()) return -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

/** `text` with every unpaired surrogate replaced by U+FFFD, as a UTF-8 encoder would write it. */
export function toWellFormed(text: string): string {
  return text.toWellFormed();
}

// Control characters that end a line: LF, VT, FF, CR, NEL. Word pastes VT for a soft line break.
const LINE_CONTROLS = /\r\n|[\n\v\f\r\u0085]/g;
// Every other control character but tab.
const OTHER_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const ANY_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

export function hasControlCharacter(text: string): boolean {
  return ANY_CONTROL.test(text);
}

export function hasBidiControl(text: string): boolean {
  return ANY_BIDI_CONTROL.test(text);
}

/**
 * Multi-line text (a note, an excerpt): tabs and line breaks stay, every line break is "\n"
 * (CRLF from a form, CR, VT, FF, NEL), other control characters go.
 */
export function cleanMultiLine(text: string): string {
  return text.replace(LINE_CONTROLS, "\n").replace(OTHER_CONTROLS, "");
}

/**
 * Single-line text (a title, a name, a publisher, a link): tabs and line breaks become spaces,
 * other control characters and bidirectional overrides go, and the ends are trimmed.
 */
export function cleanSingleLine(text: string): string {
  return text
    .replace(LINE_CONTROLS, " ")
    .replace(/\t/g, " ")
    .replace(OTHER_CONTROLS, "")
    .replace(BIDI_CONTROLS, "")
    .trim();
}

/**
 * Text read from an imported article: well-formed (U+FFFD for unpaired surrogates) and without
 * control characters other than the whitespace the importer lays out (tab, LF, CR; VT and FF
 * become spaces, so words on either side stay apart). Nothing is refused: the article is
 * what the editor uploaded, minus what no reader can see.
 */
export function cleanImportedText(text: string): string {
  return toWellFormed(text).replace(/[\v\f\u0085]/g, " ").replace(OTHER_CONTROLS, "");
}

/** "U+0007": how a message names a character. */
export function codePointLabel(text: string, index: number): string {
  return `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")}`;
}
