/**
 * Mentions in a reply: `@` followed by a colleague's name as Factline shows it (`@Erin Editor`).
 * Names may contain spaces, so the text is matched against the known names, not split into
 * words: of the names that fit at an `@`, the longest wins (`@Erin Editor` over `@Erin`).
 */

export interface KnownPerson {
  id: string;
  name: string;
}

export interface MentionMatch {
  personId: string;
  name: string;
  /** UTF-16 offsets of the whole mention, `@` included; end exclusive. */
  start: number;
  end: number;
}

// A letter, digit or one of the characters an email address or handle runs on with.
const WORDLIKE = /[\p{L}\p{N}_.+@-]/u;
const NAME_CONTINUES = /[\p{L}\p{N}_@]/u;

/**
 * The mentions in `text`, in order. An `@` counts only at the start or after a space or
 * punctuation (so `erin@example.com` is no mention), and the name must end there (followed by
 * the end, a space or punctuation: `@Erin Editor,`). Names compare case-insensitively; unknown
 * names are ignored.
 */
export function findMentions(text: string, people: readonly KnownPerson[]): MentionMatch[] {
  // Longest first, so the first name that fits is the longest one.
  const candidates = people
    .map((person) => ({ person, name: person.name.trim() }))
    .filter((candidate) => candidate.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const found: MentionMatch[] = [];
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    if (at > 0 && WORDLIKE.test(text[at - 1]!)) continue;
    const rest = text.slice(at + 1);
    const match = candidates.find(({ name }) => {
      if (rest.length < name.length) return false;
      if (rest.slice(0, name.length).toLocaleLowerCase() !== name.toLocaleLowerCase()) return false;
      const next = rest[name.length];
      return next === undefined || !NAME_CONTINUES.test(next);
    });
    if (!match) continue;
    const end = at + 1 + match.name.length;
    found.push({ personId: match.person.id, name: match.person.name, start: at, end });
    at = end - 1;
  }
  return found;
}

/**
 * The distinct people a text mentions. Two colleagues who share a name are both mentioned by it:
 * better that one reads a reply not meant for them than that the one meant misses it.
 */
export function mentionedIds(text: string, people: readonly KnownPerson[]): string[] {
  const key = (name: string) => name.trim().toLocaleLowerCase();
  const named = new Set(findMentions(text, people).map((mention) => key(mention.name)));
  return [...new Set(people.filter((person) => named.has(key(person.name))).map((person) => person.id))];
}

/**
 * While typing: the name being written after an `@` just before the caret, or null. The reply
 * box suggests colleagues whose names start with it.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && WORDLIKE.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  // A name has at most a few words; a line break or a long run means the editor moved on.
  if (query.length > 60 || /[\n\r@]/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}

/** Colleagues to suggest for a query: names starting with it (or with a word starting with it). */
export function suggestPeople<T extends KnownPerson>(people: readonly T[], query: string, limit = 8): T[] {
  const wanted = query.trim().toLocaleLowerCase();
  const starts = (person: T) => person.name.toLocaleLowerCase().startsWith(wanted);
  const wordStarts = (person: T) =>
    person.name
      .toLocaleLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(wanted));
  return [...people.filter(starts), ...people.filter((person) => !starts(person) && wordStarts(person))].slice(0, limit);
}
