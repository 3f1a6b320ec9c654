/**
 * Approximate string matching: where in a text does a pattern occur with at most k edits
 * (insertions, deletions, substitutions of UTF-16 code units)?
 *
 * Myers' bit-parallel algorithm (1999) computes a column of the edit-distance table per text
 * character using 32-bit words; Hyyrö's blocking splits patterns longer than 32 into words, and
 * Ukkonen's cut-off only computes the words whose cells can still be within k. Cost is about
 * text.length × (active words), i.e. well under a millisecond for a sentence in a 20,000-char
 * article, instead of text.length × pattern.length for the plain dynamic programme.
 */

const WORD = 32;

export interface MatchEnd {
  /** Exclusive end of the match in the text. */
  end: number;
  /** Edit distance between the pattern and the best substring of the text ending here. */
  errors: number;
}

export interface SearchOptions {
  /**
   * When true the match must start at text index 0 (global alignment at the start, free end);
   * otherwise it may start anywhere (a search). Used to find where a match found by its end
   * starts, by searching the reversed pattern in the reversed text before that end.
   */
  anchoredAtStart?: boolean;
}

/** Every end index at which the pattern matches with at most `maxErrors` edits, in text order. */
export function findApproximateEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  options: SearchOptions = {},
): MatchEnd[] {
  const m = pattern.length;
  if (m === 0) return [];
  const k = Math.max(0, Math.min(Math.floor(maxErrors), m));
  const blockCount = Math.ceil(m / WORD);
  const lastBlock = blockCount - 1;
  const rowsIn = (block: number): number => (block === lastBlock ? m - block * WORD : WORD);
  const peq = new PatternBits(pattern, blockCount);

  // Per block: vertical deltas of the current column (+1 bits, -1 bits) and the value of its bottom cell.
  const plus = new Int32Array(blockCount);
  const minus = new Int32Array(blockCount);
  const bottom = new Int32Array(blockCount);
  const bottomBit = new Int32Array(blockCount).fill(1 << (WORD - 1));
  bottomBit[lastBlock] = 1 << (rowsIn(lastBlock) - 1);

  // The top row is 0 everywhere in a search (a match may start anywhere), j at column j when anchored.
  const topDelta = options.anchoredAtStart ? 1 : 0;

  // One step of Myers/Hyyrö for one block and text character; returns the horizontal delta at
  // the block's bottom, which is the carry into the next block. (Typed arrays are indexed
  // within bounds here; `as number` skips the undefined checks in this hot loop.)
  const advance = (block: number, eqBits: Int32Array, carryIn: number): number => {
    const pv = plus[block] as number;
    const mv = minus[block] as number;
    let eq = eqBits[block] as number;
    if (carryIn < 0) eq |= 1;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const last = bottomBit[block] as number;
    const carryOut = ph & last ? 1 : mh & last ? -1 : 0;
    ph <<= 1;
    mh <<= 1;
    if (carryIn < 0) mh |= 1;
    else if (carryIn > 0) ph |= 1;
    plus[block] = mh | ~(xv | ph);
    minus[block] = ph & xv;
    return carryOut;
  };

  // Column 0: cell i holds i. Blocks below the one holding row k are all > k and stay inactive.
  let active = Math.max(0, Math.ceil(k / WORD) - 1);
  for (let block = 0; block <= active; block++) {
    plus[block] = -1;
    minus[block] = 0;
    bottom[block] = block * WORD + rowsIn(block);
  }

  const ends: MatchEnd[] = [];
  for (let j = 0; j < text.length; j++) {
    const eqBits = peq.get(text.charCodeAt(j));
    const previousBottom = bottom[active] as number;
    let carry = topDelta;
    for (let block = 0; block <= active; block++) {
      carry = advance(block, eqBits, carry);
      bottom[block] = (bottom[block] as number) + carry;
    }
    if (active < lastBlock && previousBottom <= k) {
      // Diagonals never decrease, so the row below the active zone can only reach <= k if the
      // active zone's bottom was <= k in the previous column. The new block's cells are assumed
      // to increase by one per row in the previous column: an upper bound on their true value,
      // which is exact for every cell that matters (those <= k).
      active++;
      plus[active] = -1;
      minus[active] = 0;
      bottom[active] = previousBottom + rowsIn(active) + advance(active, eqBits, carry);
    } else {
      // A block whose bottom is >= k + rows has every cell > k (cells differ by at most 1 per row).
      while (active > 0 && (bottom[active] as number) >= k + rowsIn(active)) active--;
    }
    if (active === lastBlock) {
      const errors = bottom[lastBlock] as number;
      if (errors <= k) ends.push({ end: j + 1, errors });
    }
  }
  return ends;
}

/** For each code unit, the bit masks of the pattern positions holding it, one word per block. */
class PatternBits {
  private readonly ascii: Int32Array[];
  private readonly other = new Map<number, Int32Array>();
  private readonly none: Int32Array;

  constructor(pattern: string, blockCount: number) {
    this.none = new Int32Array(blockCount);
    this.ascii = new Array<Int32Array>(128).fill(this.none);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let bits = this.get(code);
      if (bits === this.none) {
        bits = new Int32Array(blockCount);
        if (code < 128) this.ascii[code] = bits;
        else this.other.set(code, bits);
      }
      const block = Math.floor(i / WORD);
      bits[block] = (bits[block] as number) | (1 << (i % WORD));
    }
  }

  get(code: number): Int32Array {
    return code < 128 ? (this.ascii[code] ?? this.none) : (this.other.get(code) ?? this.none);
  }
}

/** Edit distance between a and b, with the end of b free: min over j of distance(a, b[0, j)). */
export function prefixAlignmentDistance(a: string, b: string): number {
  if (a.length === 0) return 0;
  if (b.length === 0) return a.length;
  const ends = findApproximateEnds(b, a, a.length, { anchoredAtStart: true });
  let best = a.length; // aligning a against the empty prefix of b
  for (const { errors } of ends) if (errors < best) best = errors;
  return best;
}

/** Plain Levenshtein distance (small strings only; used by tests and as a reference). */
export function editDistance(a: string, b: string): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
