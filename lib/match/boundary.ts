/**
 * Unicode-aware word boundaries and the capitalization test, read on the ORIGINAL text.
 *
 * A word character is a letter, digit or mark of any script (`\p{L}\p{N}\p{M}`; marks
 * count so that an Indic vowel sign does not end a word). Characters of scripts written
 * without spaces between words (CJK, Thai, …) are word characters too, but no boundary is
 * ever required next to them: `エレン` is found inside `エレンが…`, and `Netflixの` ends
 * the word `Netflix`.
 *
 * Classes are computed per code unit on first use and cached: the Unicode property
 * regexes cost ~2 ms to compile in a fresh page, and most pages never need them (ASCII
 * and Latin-1 are classified by ranges, the big CJK and Hangul blocks by range too).
 * tests/unit/match/tables.test.ts checks every BMP code unit against the eager build.
 */
import { DROP, foldOf } from './fold';

/** Class bit: letter, digit or mark. */
export const WORD = 1;
/** Class bit: word character of a script written without spaces. */
export const NO_SPACE = 2;
/** Class bit: lower-case letter (a name part alone must not start with one). */
export const LOWER = 4;

/**
 * Letter, digit or mark; of a script written without spaces; lower-case letter. Made on
 * first use, not when the script loads: V8 builds a property class out of ICU when the
 * literal is evaluated, ~2 ms of the top frame's start in Chromium, and most frames
 * never ask (tests/unit/match/load-cost.test.ts keeps such regexes out of module level).
 */
let regexes: RegExp[] | undefined;

/** Class bits of one code point (slow; fills the cache, and serves astral code points). */
export function classOfCodePoint(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return 0; // a lone surrogate is not a character
  const ch = String.fromCodePoint(cp);
  const [word, noSpace, lower] = (regexes ??= [
    /[\p{L}\p{N}\p{M}]/u,
    /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\p{scx=Yi}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u,
    /\p{Ll}/u,
  ]);
  if (!word!.test(ch)) return 0;
  return WORD | (noSpace!.test(ch) ? NO_SPACE : 0) | (lower!.test(ch) ? LOWER : 0);
}

/** Cache bit: `\p{L}\p{N}\p{M}` itself (WORD above, unless a punctuation look-alike). */
const LETTER_DIGIT_MARK = 8;
/** Cache bit: folds to ' or -, so class 0 whatever its category (not looked up). */
const LOOK_ALIKE = 0x10;
/** Cache bit: the entry is filled (an unfilled entry is 0). */
const KNOWN = 0x80;

// Made on first use: every frame loads this module, only frames that match text use it.
let cache: Uint8Array | undefined;
/** The cached entry of BMP code unit `c`, 0 while unknown. */
const cached = (c: number): number => (cache ??= new Uint8Array(0x10000))[c]!;

/** Class bits of Latin-1 code units by range (no regex). */
function latin1Class(c: number): number {
  if ((c >= 0x61 && c <= 0x7a) || c === 0xb5 || (c >= 0xdf && c !== 0xf7)) return WORD | LOWER; // µ ß à–ÿ
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return WORD;
  // ª º (letters), ² ³ ¹ ¼ ½ ¾ (numbers)
  return c === 0xaa || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe) ? WORD : 0;
}

/** Computes and caches the entry of BMP code unit `c`. */
function fill(c: number): number {
  let entry: number;
  if (c < 0x100) entry = latin1Class(c); // no look-alikes in Latin-1
  // Whatever folds to ' or - is punctuation, like in terms: "Hannahʼs" (U+02BC is a letter).
  else if (isLookAlike(foldOf(c))) entry = LOOK_ALIKE;
  // General Punctuation (quotes, dashes, spaces, format characters) holds no letter,
  // digit or mark: the usual neighbours of a name need no regex.
  else if (c >= 0x2000 && c < 0x2070) entry = 0;
  // The big uniform blocks: CJK ideographs and Hangul syllables, surrogates, private use.
  else if ((c >= 0x3400 && c < 0x4dc0) || (c >= 0x4e00 && c < 0xa000)) entry = WORD | NO_SPACE;
  else if (c >= 0xac00 && c < 0xd7a4) entry = WORD | NO_SPACE;
  else if (c >= 0xd800 && c < 0xf900) entry = 0;
  else entry = classOfCodePoint(c);
  if (entry & WORD) entry |= LETTER_DIGIT_MARK;
  cache![c] = entry | KNOWN;
  return entry | KNOWN;
}

function isLookAlike(fold: number): boolean {
  return fold === 0x27 || fold === 0x2d;
}

/** Class bits of one BMP code unit. */
export function classOf(c: number): number {
  const entry = cached(c);
  return (entry !== 0 ? entry : fill(c)) & (WORD | NO_SPACE | LOWER);
}

/**
 * True when code point `cp` is a letter, digit or mark (`/[\p{L}\p{N}\p{M}]/u`), the
 * word characters of terms; unlike `classOf`, U+02BC (ʼ) counts, as in the regex.
 */
export function isWordCodePoint(cp: number): boolean {
  if (cp > 0xffff) return (classOfCodePoint(cp) & WORD) !== 0;
  const entry = cached(cp) || fill(cp);
  return entry & LOOK_ALIKE ? (classOfCodePoint(cp) & WORD) !== 0 : (entry & LETTER_DIGIT_MARK) !== 0;
}

/** True when a class needs a boundary: a word character of a space-separated script. */
export function isSpacedWord(cls: number): boolean {
  return (cls & (WORD | NO_SPACE)) === WORD;
}

/** Class bits of the code point starting at `i` (combining a surrogate pair). */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return classOfCodePoint((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
  }
  return classOf(c);
}

/** Class bits of the code point ending just before `i` (combining a surrogate pair). */
export function classEndingAt(text: string, i: number): number {
  const d = text.charCodeAt(i - 1);
  if (d >= 0xdc00 && d < 0xe000 && i >= 2) {
    const c = text.charCodeAt(i - 2);
    if (c >= 0xd800 && c < 0xdc00) return classOfCodePoint((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
  }
  return classOf(d);
}

/**
 * Class bits of the character before `start`, skipping code units that folding drops
 * (an accent or soft hyphen belongs to the letter next to it); 0 at the start of text.
 */
export function classBefore(text: string, start: number): number {
  let i = start;
  while (i > 0 && foldOf(text.charCodeAt(i - 1)) === DROP) i--;
  return i === 0 ? 0 : classEndingAt(text, i);
}

/** Class bits of the character at or after `end`, skipping dropped code units; 0 at the end. */
export function classAfter(text: string, end: number): number {
  let i = end;
  while (i < text.length && foldOf(text.charCodeAt(i)) === DROP) i++;
  return i === text.length ? 0 : classAt(text, i);
}

/**
 * Where the runs of word code points (`/[\p{L}\p{N}\p{M}]+/gu`) lie in `s`, as flat
 * [start, end, start, end, …] offsets; terms use it instead of the regex, whose
 * compile alone would cost more than compiling a short watchlist.
 */
export function wordRuns(s: string): number[] {
  const runs: number[] = [];
  let inRun = false;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const word = isWordCodePoint(cp);
    if (word !== inRun) runs.push(i);
    inRun = word;
    i += cp > 0xffff ? 2 : 1;
  }
  if (inRun) runs.push(s.length);
  return runs;
}

/** How many word code points `s` holds (`s.match(/[\p{L}\p{N}\p{M}]/gu)?.length ?? 0`). */
export function countWordCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    if (isWordCodePoint(cp)) n++;
    i += cp > 0xffff ? 2 : 1;
  }
  return n;
}
