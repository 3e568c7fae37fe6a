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
 */
import { DROP, SPACE } from './fold';

/** Symbol of code units that occur in no pattern. */
const OTHER = 0;
/** Symbol of dropped code units (self-loop on every state). */
const DROPPED = 1;
/** Symbol of whitespace (self-loop on states reached by a space). */
const BLANK = 2;
/** Column shared by the symbols without a dense column of their own. */
const RARE = 3;
/** The first symbol of a pattern character. */
const FIRST = 4;

/** Entry of the RARE column: call `rareNext`. Never a real entry (those are > -denseBudget). */
export const RARE_ENTRY = -0x80000000;

/** The compiled automaton (state 0 is the root). */
export interface Automaton {
  /** Symbol of each UTF-16 code unit, folding included. */
  symbols: Uint16Array;
  /** Number of columns in `delta`. */
  dense: number;
  /** Row-major transitions: entry = target * dense, negated when the target has output; RARE_ENTRY. */
  delta: Int32Array;
  /** Pattern ending exactly at each state, or -1. */
  output: Int32Array;
  /** Nearest proper suffix state with an output, or 0 for none. */
  nextOutput: Int32Array;
  /** The entry for code unit `code` from premultiplied state `from` when delta gave RARE_ENTRY. */
  rareNext(from: number, code: number): number;
}

/** Builds the automaton for `patterns` (folded, non-empty, distinct, no double spaces). */
export function buildAutomaton(patterns: readonly string[], fold: Uint16Array, denseBudget: number): Automaton {
  // Symbols by falling frequency, so the dense columns cover most of what is read.
  const count = new Int32Array(0x10000);
  for (const p of patterns) for (let i = 0; i < p.length; i++) count[p.charCodeAt(i)]!++;
  count[SPACE] = 0;
  const used: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (count[c]) used.push(c);
  used.sort((a, b) => count[b]! - count[a]! || a - b);
  const symbolOf = new Uint16Array(0x10000);
  used.forEach((c, i) => (symbolOf[c] = i + FIRST));
  symbolOf[SPACE] = BLANK;
  const alphabet = used.length + FIRST;

  // Sorted patterns share prefixes with their predecessor: the trie size is exact up front.
  const order = patterns.map((_, i) => i).sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : 1));
  const shared = new Int32Array(order.length);
  let states = 1;
  for (let k = 0; k < order.length; k++) {
    const p = patterns[order[k]!]!;
    const prev = k > 0 ? patterns[order[k - 1]!]! : '';
    let l = 0;
    while (l < p.length && l < prev.length && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
    shared[k] = l;
    states += p.length - l;
  }
  const dense = Math.max(FIRST + 1, Math.min(alphabet, Math.floor(denseBudget / states)));
  const rareCount = alphabet - dense;

  // The trie, in sorted order: each pattern reuses the path of the shared prefix. Dense
  // edges are written into `delta` level by level below; rare ones live in `rare`.
  const delta = new Int32Array(states * dense);
  const rare = new Map<number, number>();
  const output = new Int32Array(states).fill(-1);
  const parent = new Int32Array(states);
  const label = new Uint16Array(states);
  const depth = new Int32Array(states);
  const path = [0];
  let next = 1;
  for (let k = 0; k < order.length; k++) {
    const p = patterns[order[k]!]!;
    for (let d = shared[k]!; d < p.length; d++) {
      const from = path[d]!;
      const sym = symbolOf[p.charCodeAt(d)]!;
      const to = next++;
      if (sym >= dense) rare.set(from * rareCount + (sym - dense), to);
      parent[to] = from;
      label[to] = sym;
      depth[to] = d + 1;
      path[d + 1] = to;
    }
    output[path[p.length]!] = order[k]!;
  }

  // Failure links and full rows, one depth level at a time: first each state of the level
  // gets its failure link and writes its encoded entry into its parent's row; then each
  // copies its failure state's row, final by then since that state is shallower.
  const fail = new Int32Array(states);
  const nextOutput = new Int32Array(states);
  const emits = new Uint8Array(states);
  const encode = (s: number): number => (emits[s] ? -(s * dense) : s * dense);
  const rareStep = (from: number, sym: number): number => {
    for (let s = from; ; s = fail[s]!) {
      const to = rare.get(s * rareCount + (sym - dense));
      if (to !== undefined) return to;
      if (s === 0) return 0;
    }
  };
  const step = (from: number, sym: number): number => {
    if (sym >= dense) return rareStep(from, sym);
    const entry = delta[from * dense + sym]!;
    return (entry < 0 ? -entry : entry) / dense;
  };
  delta[RARE] = RARE_ENTRY; // the root's row, copied into every other
  const { byDepth, levelStart } = sortByDepth(depth);
  for (let d = 1; d + 1 < levelStart.length; d++) {
    for (let k = levelStart[d]!; k < levelStart[d + 1]!; k++) {
      const s = byDepth[k]!;
      const up = parent[s]!;
      const f = up === 0 ? 0 : step(fail[up]!, label[s]!);
      fail[s] = f;
      nextOutput[s] = output[f] !== -1 ? f : nextOutput[f]!;
      emits[s] = output[s] !== -1 || nextOutput[s] !== 0 ? 1 : 0;
      if (label[s]! < dense) delta[up * dense + label[s]!] = encode(s);
    }
    for (let k = levelStart[d]!; k < levelStart[d + 1]!; k++) {
      const s = byDepth[k]!;
      const row = s * dense;
      const from = fail[s]! * dense; // a plain loop beats copyWithin on rows this short
      for (let a = 0; a < dense; a++) delta[row + a] = delta[from + a]!;
      // Self-loops no failure computation reads: no label is DROPPED, and a space-labeled
      // failure state would need a pattern with two spaces in a row.
      delta[row + DROPPED] = encode(s);
      if (label[s] === BLANK) delta[row + BLANK] = encode(s);
    }
  }

  const symbols = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c]!;
    const sym = symbolOf[f]!;
    symbols[c] = f === DROP ? DROPPED : f === SPACE ? BLANK : sym >= dense ? RARE : sym || OTHER;
  }
  return {
    symbols,
    dense,
    delta,
    output,
    nextOutput,
    rareNext: (from, code) => encode(rareStep(from / dense, symbolOf[fold[code]!]!)),
  };
}

/** State ids ordered by depth (root first), and where each depth's run starts; O(states). */
function sortByDepth(depth: Int32Array): { byDepth: Int32Array; levelStart: Int32Array } {
  let max = 0;
  for (let s = 0; s < depth.length; s++) if (depth[s]! > max) max = depth[s]!;
  const levelStart = new Int32Array(max + 2);
  for (let s = 0; s < depth.length; s++) levelStart[depth[s]! + 1]!++;
  for (let d = 1; d <= max + 1; d++) levelStart[d]! += levelStart[d - 1]!;
  const fill = levelStart.slice();
  const byDepth = new Int32Array(depth.length);
  for (let s = 0; s < depth.length; s++) byDepth[fill[depth[s]!]!++] = s;
  return { byDepth, levelStart };
}
