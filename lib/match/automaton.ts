/**
 * A dense Aho-Corasick automaton over folded UTF-16 code units.
 *
 * Reading a character is one lookup in `symbols` (which also folds case and accents)
 * and one in `delta`, whose entries are premultiplied row offsets, negative when the
 * target state ends some pattern, so the scan loop has one load and one well-predicted
 * sign test per character. Whitespace runs collapse for free: a state reached by a space
 * loops on further spaces, and dropped code units (accents, soft hyphens) loop on every
 * state.
 *
 * Only the `dense` most frequent symbols get a column; rarer ones (a long tail of CJK
 * characters, say) share the RARE column, whose entries are the `RARE_ENTRY` sentinel
 * (negative, so it takes the scan's slow branch), and are followed as sparse trie edges
 * through failure links, so memory stays near `denseBudget` entries whatever the alphabet.
 *
 * Built lazily, because the content script compiles in every frame of every page load:
 * - States and rows: compiling sizes the tables and builds the root's row only. A
 *   state's row (its failure state's row, then edges to its children, which are created
 *   then) is built the first time the scan stands in that state; until then the row is
 *   zeros, and 0 is never a real entry (state ids start at 1), so it takes the same slow
 *   branch. A page visits few of the states.
 * - Symbols: RARE is symbol 0, so a fresh (zeroed) `symbols` array sends every code unit
 *   down the slow branch; it is filled one 256-unit page at a time, when the scan first
 *   reads a code unit of that page, so no compile walks all 65,536 code units.
 * Once built, a row or page is final, and the same as an eager build would make it.
 */
import { DROP, foldPage, SPACE } from './fold';

/** Column shared by the symbols without a dense column of their own; also unfilled pages. */
const RARE = 0;
/** Symbol of code units that occur in no pattern. */
const OTHER = 1;
/** Symbol of dropped code units (self-loop on every state). */
const DROPPED = 2;
/** Symbol of whitespace (self-loop on states reached by a space). */
const BLANK = 3;
/** The first symbol of a pattern character. */
const FIRST = 4;
/** The root state (state 0 is unused, so that no entry is 0). */
const ROOT = 1;

/** Entry of the RARE column: call `next`. Never a real entry (those are > -denseBudget). */
export const RARE_ENTRY = -0x80000000;

/** The compiled automaton. */
export interface Automaton {
  /** Symbol of each UTF-16 code unit, folding included; RARE until its page is first read. */
  symbols: Uint16Array;
  /** Number of columns in `delta`. */
  dense: number;
  /**
   * Row-major transitions: entry = target * dense, negated when the target has output;
   * RARE_ENTRY; 0 in rows not built yet.
   */
  delta: Int32Array;
  /** The premultiplied root, where a scan starts. */
  start: number;
  /** Pattern ending exactly at each state, or -1. */
  output: Int32Array;
  /** Nearest proper suffix state with an output, or 0 for none. */
  nextOutput: Int32Array;
  /** The entry for code unit `code` from premultiplied state `from` when delta gave 0 or RARE_ENTRY. */
  next(from: number, code: number): number;
}

/**
 * Builds the automaton for `patterns`: folded, non-empty, distinct, no double spaces,
 * and sorted (`Array.prototype.sort` order).
 *
 * The trie is implicit in the sorted patterns: a state is the run of patterns that share
 * its string as a prefix, [lo, hi), and its children split that run by the next code
 * unit. So the trie too is laid out lazily, a state's children when its row is built.
 */
export function buildAutomaton(patterns: readonly string[], denseBudget: number): Automaton {
  const symbolOf = new Uint16Array(0x10000);
  symbolOf[SPACE] = BLANK;
  const { used, states } = alphabetAndSize(patterns, denseBudget);
  const alphabet = used.length + FIRST;
  const dense = Math.max(FIRST + 1, Math.min(alphabet, Math.floor(denseBudget / states)));
  const rareCount = alphabet - dense;
  for (let i = 0; i < used.length; i++) symbolOf[used[i]!] = i + FIRST;
  const rare = new Map<number, number>();

  // Per state, filled when its parent's row is built; every state that an entry or a
  // failure link names has them by then.
  const size = states + 1;
  const delta = new Int32Array(size * dense);
  const lo = new Int32Array(size);
  const hi = new Int32Array(size);
  const depth = new Int32Array(size);
  const label = new Uint16Array(size);
  const output = new Int32Array(size);
  const fail = new Int32Array(size);
  const nextOutput = new Int32Array(size);
  const emits = new Uint8Array(size);
  const built = new Uint8Array(size);
  let last = ROOT;
  hi[ROOT] = patterns.length;
  output[ROOT] = -1;
  const encode = (s: number): number => (emits[s] ? -(s * dense) : s * dense);
  const rareStep = (from: number, sym: number): number => {
    for (let s = from; ; s = fail[s]!) {
      const to = rare.get(s * rareCount + (sym - dense));
      if (to !== undefined) return to;
      if (s === ROOT) return ROOT;
    }
  };
  const step = (from: number, sym: number): number => {
    if (sym >= dense) return rareStep(from, sym);
    const entry = delta[from * dense + sym]!;
    return (entry < 0 ? -entry : entry) / dense;
  };
  /** Fills row `s` (its failure state's row is built), creating and linking its children. */
  const buildRow = (s: number): void => {
    const row = s * dense;
    if (s === ROOT) {
      delta.fill(encode(ROOT), row, row + dense);
      delta[row + RARE] = RARE_ENTRY;
    } else {
      const from = fail[s]! * dense;
      for (let a = 0; a < dense; a++) delta[row + a] = delta[from + a]!;
      // Self-loops no failure computation reads: no label is DROPPED, and a space-labeled
      // failure state would need a pattern with two spaces in a row.
      delta[row + DROPPED] = encode(s);
      if (label[s] === BLANK) delta[row + BLANK] = encode(s);
    }
    const d = depth[s]!;
    const end = hi[s]!;
    let k = lo[s]!;
    if (k < end && patterns[k]!.length === d) k++; // the pattern that ends at s sorts first
    while (k < end) {
      const code = patterns[k]!.charCodeAt(d);
      let j = k + 1;
      while (j < end && patterns[j]!.charCodeAt(d) === code) j++;
      const c = ++last;
      const sym = symbolOf[code]!;
      lo[c] = k;
      hi[c] = j;
      depth[c] = d + 1;
      label[c] = sym;
      output[c] = patterns[k]!.length === d + 1 ? k : -1;
      const f = s === ROOT ? ROOT : step(fail[s]!, sym);
      fail[c] = f;
      nextOutput[c] = output[f] !== -1 ? f : nextOutput[f]!;
      emits[c] = output[c] !== -1 || nextOutput[c] !== 0 ? 1 : 0;
      if (sym < dense) delta[row + sym] = encode(c);
      else rare.set(s * rareCount + (sym - dense), c);
      k = j;
    }
    built[s] = 1;
  };
  /** Builds row `s` and, first, those of its failure chain not built yet. */
  const ensureRow = (s: number): void => {
    const chain: number[] = [];
    for (let u = s; built[u] === 0; u = fail[u]!) chain.push(u);
    for (let k = chain.length - 1; k >= 0; k--) buildRow(chain[k]!);
  };
  buildRow(ROOT);

  const symbols = new Uint16Array(0x10000); // all RARE: every page unfilled
  const filled = new Uint8Array(0x100);
  const fillPage = (page: number): void => {
    const fold = foldPage(page);
    for (let c = page << 8, end = c + 0x100; c < end; c++) {
      const f = fold[c]!;
      const sym = symbolOf[f]!;
      symbols[c] = f === DROP ? DROPPED : f === SPACE ? BLANK : sym >= dense ? RARE : sym || OTHER;
    }
    filled[page] = 1;
  };
  fillPage(0); // every text has ASCII
  return {
    symbols,
    dense,
    delta,
    start: ROOT * dense,
    output,
    nextOutput,
    next(from, code) {
      const s = from / dense;
      if (built[s] === 0) ensureRow(s);
      if (filled[code >> 8] === 0) fillPage(code >> 8);
      const sym = symbols[code]!;
      if (sym !== RARE) return delta[from + sym]!;
      return encode(rareStep(s, symbolOf[foldPage(code >> 8)[code]!]!));
    },
  };
}

/**
 * Every printable ASCII character but the space and upper case (folded patterns have
 * none). Written out: built when the module loads, it cost every frame, compiling or not.
 */
const ASCII_PRINTABLE = '!"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const ASCII_PATTERNS = /^[\x20-\x7e]*$/;

/**
 * The code units of the patterns but space (the alphabet), most used first when not all
 * of them can get a dense column, and the number of trie states, or an upper bound of it
 * when even that leaves room for every symbol.
 */
function alphabetAndSize(patterns: readonly string[], denseBudget: number): { used: number[]; states: number } {
  // Printable ASCII patterns (most lists, hyphens and digits included): native scans
  // find the alphabet, and the total length bounds the state count well enough.
  const joined = patterns.join('');
  const total = joined.length + 1;
  if (ASCII_PATTERNS.test(joined)) {
    const used: number[] = [];
    for (let i = 0; i < ASCII_PRINTABLE.length; i++) if (joined.includes(ASCII_PRINTABLE[i]!)) used.push(ASCII_PRINTABLE.charCodeAt(i));
    if ((FIRST + used.length) * total <= denseBudget) return { used, states: total };
  }
  // A pattern adds one state per code unit after the prefix it shares with its (sorted)
  // predecessor; those code units, each a trie edge's, make up the alphabet.
  const edgeCount = new Int32Array(0x10000);
  const used: number[] = [];
  let states = 1;
  let prev = '';
  for (let k = 0; k < patterns.length; k++) {
    const p = patterns[k]!;
    let d = 0;
    while (d < p.length && d < prev.length && p.charCodeAt(d) === prev.charCodeAt(d)) d++;
    states += p.length - d;
    for (; d < p.length; d++) {
      const c = p.charCodeAt(d);
      if (edgeCount[c]!++ === 0 && c !== SPACE) used.push(c);
    }
    prev = p;
  }
  // When not every symbol gets a column, the most used ones do, so that the dense
  // columns cover most of what is read; the rest are sparse edges.
  if (used.length + FIRST > Math.floor(denseBudget / states)) used.sort((a, b) => edgeCount[b]! - edgeCount[a]! || a - b);
  return { used, states };
}
