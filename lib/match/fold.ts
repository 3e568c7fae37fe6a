/**
 * Case and accent folding, one UTF-16 code unit at a time.
 *
 * Every code unit folds to exactly one code unit or to nothing (DROP), never to two,
 * so a match found in folded text maps back to original offsets by walking the
 * original string (see `matchStart`) instead of keeping an offset array per call.
 * Astral code points (surrogate pairs) are left as they are: they are emoji and rare
 * ideographs far more often than cased letters.
 */

/** Fold of code units that vanish: combining accents and invisible format characters. */
export const DROP = 0xffff;

/** Fold of every whitespace code unit; a run of whitespace counts as one space. */
export const SPACE = 0x20;

/**
 * Combining accents removed by folding (`Guzma\u0301n` = `Guzmán` = `Guzman`). Only the
 * generic diacritic blocks: marks that are letters' vowels (Indic, Thai) or kana voicing
 * marks (が ≠ か) change the word and stay.
 */
export const ACCENT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f],
];
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Invisible characters that pages put inside words (soft hyphens, zero-width joiners). */
export const IGNORABLE: readonly number[] = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xffff];

/** Typographic look-alikes written for the same thing as the ASCII character. */
export const SAME_AS: ReadonlyArray<readonly [number, number]> = [
  // Apostrophes: "Hannah’s" and "O’Brien" are typed with ' in watchlists.
  [0x2018, 0x27], [0x2019, 0x27], [0x02bc, 0x27], [0x2032, 0x27], [0xff07, 0x27],
  // Hyphens that are not ASCII '-' (non-breaking hyphen is common in typeset names).
  [0x2010, 0x2d], [0x2011, 0x2d],
  // Letters with a stroke do not decompose in Unicode but readers treat them as accented.
  [0xf8, 0x6f], [0x111, 0x64], [0x127, 0x68], [0x131, 0x69], [0x140, 0x6c], [0x142, 0x6c], [0x167, 0x74],
  // Greek final sigma is the same letter as σ.
  [0x3c2, 0x3c3],
];
// Made with the tables below, when first needed: every frame loads this module, and
// only the frames that compile or read text use it.
let same: Map<number, number>;

/** Caseless blocks without decompositions, folded to themselves: CJK, Hangul syllables, surrogates, private use. */
function isCaselessBlock(c: number): boolean {
  return (c >= 0x3400 && c < 0xa000) || (c >= 0xac00 && c < 0xf900);
}

/** Case and accent fold of one character by `normalize` and `toLowerCase` (slow). */
function foldChar(c: number): number {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD').replace(ACCENTS, '');
  // Decompositions into several letters (Hangul syllables, Tibetan) are not accents.
  const source = base.length === 1 ? base : ch;
  const lower = source.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : source.charCodeAt(0);
}

/**
 * The fold table. The content script compiles the matcher in every frame of every page
 * load, and filling all 65,536 entries with `normalize` takes ~10 ms, so it is filled one
 * 256-unit page at a time, when a term or a scanned text first uses that page: English
 * pages need Latin-1 (filled by table, no `normalize`) and General Punctuation. Tests
 * check that every page filled this way equals the eager build
 * (tests/unit/match/tables.test.ts).
 */
let table: Uint16Array;
let filled: Uint8Array | undefined; // made with `table` and `same`, by the first page filled

/**
 * Folds of 0xC0–0xFF, so that page 0 needs no `normalize`: À–Þ and à–ÿ lose their
 * accents, Ø/ø become o; × ÷ æ ð þ ß stay.
 */
const LATIN1_LETTERS = 'aaaaaaæceeeeiiiiðnooooo×ouuuuyþßaaaaaaæceeeeiiiiðnooooo÷ouuuuyþy';

/** Fills the fold of page `page` (code units page·256 … page·256+255). */
function fillPage(page: number): void {
  if (!filled) {
    table = new Uint16Array(0x10000);
    filled = new Uint8Array(0x100);
    same = new Map(SAME_AS);
  }
  const lo = page << 8;
  if (page === 0) {
    for (let c = 0; c < 0xc0; c++) table[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    for (let c = 0xc0; c < 0x100; c++) table[c] = LATIN1_LETTERS.charCodeAt(c - 0xc0);
    for (let c = 0x09; c <= 0x0d; c++) table[c] = SPACE; // what /\s/ matches in Latin-1 (not U+0085)
    table[0xa0] = SPACE;
    table[0xad] = DROP;
  } else if (isCaselessBlock(lo)) {
    for (let c = lo; c < lo + 0x100; c++) table[c] = c;
  } else {
    for (let chunk = lo; chunk < lo + 0x100; chunk += 16) {
      const units = new Array<number>(16);
      for (let k = 0; k < 16; k++) units[k] = chunk + k;
      const text = String.fromCharCode(...units);
      // Runs already in NFD whose lower case is themselves fold to themselves (most of
      // symbol and caseless-script pages), with no per-character `normalize`. Σ, the one
      // letter whose lower case depends on context, never lower-cases to itself, so the
      // whole-string test is exact.
      const plain = text.normalize('NFD') === text && text.toLowerCase() === text;
      const spaces = WHITESPACE.test(text);
      for (let c = chunk; c < chunk + 16; c++) {
        let f = plain ? c : foldChar(c);
        if (spaces && WHITESPACE.test(String.fromCharCode(c))) f = SPACE;
        // Applied to the lower-cased fold too, so Ø → ø → o.
        table[c] = same.get(c) ?? same.get(f) ?? f;
      }
    }
    for (const [from, to] of ACCENT_RANGES) {
      for (let c = Math.max(from, lo); c <= Math.min(to, lo + 0xff); c++) table[c] = DROP;
    }
    for (const c of IGNORABLE) if (c >> 8 === page) table[c] = DROP;
  }
  filled[page] = 1;
}

const WHITESPACE = /\s/;

/** The fold of one UTF-16 code unit. */
export function foldOf(c: number): number {
  if (!filled?.[c >> 8]) fillPage(c >> 8);
  return table[c]!;
}

/**
 * The shared fold table with page `page` filled. Other pages may still be zeros: read
 * them through `foldOf`, or fill them first.
 */
export function foldPage(page: number): Uint16Array {
  if (!filled?.[page]) fillPage(page);
  return table;
}

/** The fold of every UTF-16 code unit, every page filled (~10 ms; for tests and tools). */
export function foldTable(): Uint16Array {
  for (let page = 0; page < 0x100; page++) if (!filled?.[page]) fillPage(page);
  return table;
}

const ASCII_WORDS = /^[!-~]+(?: [!-~]+)*$/;

/** Folds a term: case and accents as for text, whitespace runs to one space, trimmed. */
export function foldTerm(raw: string): string {
  // Printable ASCII words with single spaces (most terms) fold by lower case alone.
  if (ASCII_WORDS.test(raw)) return raw.toLowerCase();
  const units: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const v = foldOf(raw.charCodeAt(i));
    if (v === DROP) continue;
    if (v === SPACE) {
      pendingSpace = units.length > 0;
      continue;
    }
    if (pendingSpace) units.push(SPACE);
    pendingSpace = false;
    units.push(v);
  }
  let out = '';
  // Chunked so a very long term cannot overflow the argument limit.
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}

/**
 * Where in `text` a match of `length` folded units that ends at code unit `last`
 * (inclusive) begins: walks back over the original, skipping dropped code units and
 * counting a whitespace run once, exactly as the automaton consumed it. `t` must have
 * the pages of `text[0..last]` filled, as it has after the automaton read them.
 */
export function matchStart(text: string, last: number, length: number, t: Uint16Array): number {
  let left = length;
  let inSpace = false;
  for (let i = last; i >= 0; i--) {
    const v = t[text.charCodeAt(i)]!;
    if (v === DROP) continue;
    if (v === SPACE) {
      if (inSpace) continue;
      inSpace = true;
    } else inSpace = false;
    if (--left === 0) return i;
  }
  return 0;
}
