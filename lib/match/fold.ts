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
const ACCENT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f],
];
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Invisible characters that pages put inside words (soft hyphens, zero-width joiners). */
const IGNORABLE = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xffff];

/** Typographic look-alikes written for the same thing as the ASCII character. */
const SAME_AS: ReadonlyArray<readonly [number, number]> = [
  // Apostrophes: "Hannah’s" and "O’Brien" are typed with ' in watchlists.
  [0x2018, 0x27], [0x2019, 0x27], [0x02bc, 0x27], [0x2032, 0x27], [0xff07, 0x27],
  // Hyphens that are not ASCII '-' (non-breaking hyphen is common in typeset names).
  [0x2010, 0x2d], [0x2011, 0x2d],
  // Letters with a stroke do not decompose in Unicode but readers treat them as accented.
  [0xf8, 0x6f], [0x111, 0x64], [0x127, 0x68], [0x131, 0x69], [0x140, 0x6c], [0x142, 0x6c], [0x167, 0x74],
  // Greek final sigma is the same letter as σ.
  [0x3c2, 0x3c3],
];

let table: Uint16Array | null = null;

/** The fold of every UTF-16 code unit; built on first use (a few ms), then shared. */
export function foldTable(): Uint16Array {
  return (table ??= buildFoldTable());
}

/** Folds one BMP code unit by the rules above (slow; used only to fill the table). */
function foldUnit(c: number): number {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD').replace(ACCENTS, '');
  // Decompositions into several letters (Hangul syllables, Tibetan) are not accents.
  const source = base.length === 1 ? base : ch;
  const lower = source.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : source.charCodeAt(0);
}

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x80; c++) t[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  for (let c = 0x80; c < 0x10000; c++) {
    // Caseless blocks without decompositions: CJK, Hangul syllables, surrogates, private use.
    if ((c >= 0x3400 && c < 0xa000) || (c >= 0xac00 && c < 0xf900)) t[c] = c;
    else t[c] = foldUnit(c);
  }
  const whitespace = /\s/;
  for (let c = 0; c < 0x10000; c++) if (whitespace.test(String.fromCharCode(c))) t[c] = SPACE;
  for (const [from, to] of ACCENT_RANGES) t.fill(DROP, from, to + 1);
  // Applied to the lower-cased fold too, so Ø → ø → o.
  const same = new Map(SAME_AS);
  for (let c = 0x80; c < 0x10000; c++) t[c] = same.get(c) ?? same.get(t[c]!) ?? t[c]!;
  for (const c of IGNORABLE) t[c] = DROP;
  return t;
}

/** Folds a term: case and accents as for text, whitespace runs to one space, trimmed. */
export function foldTerm(raw: string): string {
  const t = foldTable();
  const units: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const v = t[raw.charCodeAt(i)]!;
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
 * counting a whitespace run once, exactly as the automaton consumed it.
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
