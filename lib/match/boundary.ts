/**
 * Unicode-aware word boundaries and the capitalization test, read on the ORIGINAL text.
 *
 * A word character is a letter, digit or mark of any script (`\p{L}\p{N}\p{M}`; marks
 * count so that an Indic vowel sign does not end a word). Characters of scripts written
 * without spaces between words (CJK, Thai, …) are word characters too, but no boundary is
 * ever required next to them: `エレン` is found inside `エレンが…`, and `Netflixの` ends
 * the word `Netflix`.
 */
import { DROP, foldTable } from './fold';

/** Class bit: letter, digit or mark. */
export const WORD = 1;
/** Class bit: word character of a script written without spaces. */
export const NO_SPACE = 2;
/** Class bit: lower-case letter (a name part alone must not start with one). */
export const LOWER = 4;

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const NO_SPACE_RE =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\p{scx=Yi}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;
const LOWER_RE = /\p{Ll}/u;

/** Class bits of one code point (slow; fills the table, and serves astral code points). */
export function classOfCodePoint(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return 0; // a lone surrogate is not a character
  const ch = String.fromCodePoint(cp);
  if (!WORD_RE.test(ch)) return 0;
  return WORD | (NO_SPACE_RE.test(ch) ? NO_SPACE : 0) | (LOWER_RE.test(ch) ? LOWER : 0);
}

let table: Uint8Array | null = null;

/** Class bits of every BMP code unit; built on first use, then shared. */
export function classTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    // Skip the regexes for the big uniform blocks: CJK ideographs, Hangul, surrogates, private use.
    if ((c >= 0x3400 && c < 0x4dc0) || (c >= 0x4e00 && c < 0xa000)) t[c] = WORD | NO_SPACE;
    else if (c >= 0xac00 && c < 0xd7a4) t[c] = WORD | NO_SPACE;
    else if (c >= 0xd800 && c < 0xf900) t[c] = 0;
    else t[c] = classOfCodePoint(c);
  }
  // Whatever folds to ' or - is punctuation, like in terms: "Hannahʼs" (U+02BC is a letter).
  const fold = foldTable();
  for (let c = 0x80; c < 0x10000; c++) if (fold[c] === 0x27 || fold[c] === 0x2d) t[c] = 0;
  return (table = t);
}

/** True when a class needs a boundary: a word character of a space-separated script. */
export function isSpacedWord(cls: number): boolean {
  return (cls & (WORD | NO_SPACE)) === WORD;
}

/** Class bits of the code point starting at `i` (combining a surrogate pair). */
export function classAt(text: string, i: number, classes: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return classOfCodePoint((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
  }
  return classes[c]!;
}

/** Class bits of the code point ending just before `i` (combining a surrogate pair). */
export function classEndingAt(text: string, i: number, classes: Uint8Array): number {
  const d = text.charCodeAt(i - 1);
  if (d >= 0xdc00 && d < 0xe000 && i >= 2) {
    const c = text.charCodeAt(i - 2);
    if (c >= 0xd800 && c < 0xdc00) return classOfCodePoint((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
  }
  return classes[d]!;
}

/**
 * Class bits of the character before `start`, skipping code units that folding drops
 * (an accent or soft hyphen belongs to the letter next to it); 0 at the start of text.
 */
export function classBefore(text: string, start: number, fold: Uint16Array, classes: Uint8Array): number {
  let i = start;
  while (i > 0 && fold[text.charCodeAt(i - 1)] === DROP) i--;
  return i === 0 ? 0 : classEndingAt(text, i, classes);
}

/** Class bits of the character at or after `end`, skipping dropped code units; 0 at the end. */
export function classAfter(text: string, end: number, fold: Uint16Array, classes: Uint8Array): number {
  let i = end;
  while (i < text.length && fold[text.charCodeAt(i)] === DROP) i++;
  return i === text.length ? 0 : classAt(text, i, classes);
}
