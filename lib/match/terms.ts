/**
 * Expands a watchlist into the folded forms the automaton searches for: the title and
 * its run-together form, names and their parts, keywords and their plurals, each with
 * its hyphen and trailing-punctuation variants.
 */
import type { MatchList } from '../shared/watchlist';
import { isWordCodePoint, wordRuns } from './boundary';
import { foldTerm } from './fold';
import { forEachNamePart, HYPHENATED_WORDS } from './name-parts';

// Word characters (`\p{L}\p{N}\p{M}`) are read from boundary.ts's cached classes, not
// with Unicode property regexes: compiling one costs ~0.5 ms in every fresh frame.
const TRAILING_PUNCT = /[.?!]+$/;

/** "13 reasons why" → "13reasonswhy" (also found in "#13ReasonsWhy"); null for one word. */
export function runTogether(folded: string): string | null {
  if (isPlainWords(folded)) return folded.includes(' ') ? folded.split(' ').join('') : null;
  const runs = wordRuns(folded);
  if (runs.length < 4) return null;
  let joined = '';
  for (let r = 0; r < runs.length; r += 2) joined += folded.slice(runs[r], runs[r + 1]);
  return joined;
}

/** Simple English plural of a folded keyword's last word; null unless it ends in a-z. */
export function plural(folded: string): string | null {
  const last = folded.charCodeAt(folded.length - 1);
  if (!(last >= 0x61 && last <= 0x7a)) return null;
  if (/(?:s|x|z|ch|sh)$/.test(folded)) return `${folded}es`;
  if (/[^aeiou]y$/.test(folded)) return `${folded.slice(0, -1)}ies`;
  return `${folded}s`;
}

/**
 * A form and the ways people also write it: inner hyphens as spaces or nothing
 * ("spider-man", "spider man", "spiderman"), and without trailing `.`, `?`, `!`
 * ("s.h.i.e.l.d", "dr. who"). Forms without any letter or digit are dropped: a term of
 * punctuation alone would hide almost every paragraph.
 */
export function variants(form: string): string[] {
  // Cheap checks first: compiling 10,000 terms must stay well under 100 ms.
  if (isPlainWords(form)) return [form];
  // ASCII words joined by single spaces or hyphens (Jean-Luc, Quarles-1816): every hyphen
  // is an inner one, and there is no trailing punctuation.
  if (HYPHENATED_WORDS.test(form)) return [form, form.replace(/-/g, ' '), form.replace(/-/g, '')];
  const out = new Set<string>();
  const hyphens = form.includes('-') ? innerHyphens(form) : [];
  const spellings = hyphens.length > 0
    ? [form, replaceAt(form, hyphens, ' '), replaceAt(form, hyphens, '')]
    : [form];
  for (const s of spellings) {
    out.add(s);
    const bare = s.replace(TRAILING_PUNCT, '').trimEnd();
    if (bare) out.add(bare);
  }
  return [...out].filter((s) => wordRuns(s).length > 0);
}

/** Offsets of the hyphens with a word character on both sides ("spider-man", not "-man"). */
function innerHyphens(form: string): number[] {
  const at: number[] = [];
  for (let i = form.indexOf('-'); i !== -1; i = form.indexOf('-', i + 1)) {
    if (i === 0 || i + 1 === form.length) continue;
    let before = form.charCodeAt(i - 1);
    if (before >= 0xdc00 && before < 0xe000 && i >= 2) {
      const high = form.charCodeAt(i - 2);
      if (high >= 0xd800 && high < 0xdc00) before = (high - 0xd800) * 0x400 + (before - 0xdc00) + 0x10000;
    }
    if (isWordCodePoint(before) && isWordCodePoint(form.codePointAt(i + 1)!)) at.push(i);
  }
  return at;
}

/** `s` with the single code units at `offsets` (ascending) replaced by `by`. */
function replaceAt(s: string, offsets: readonly number[], by: string): string {
  let out = '';
  let from = 0;
  for (const i of offsets) {
    out += s.slice(from, i) + by;
    from = i + 1;
  }
  return out + s.slice(from);
}

/** True for folded ASCII letters and digits in space-separated words: no variants. */
function isPlainWords(s: string): boolean {
  return PLAIN_WORDS.test(s); // a native scan: cheaper than a loop in code not yet optimized
}
const PLAIN_WORDS = /^[a-z0-9 ]+$/;

/** Role bit of a form: one of the list's terms (it names the show). */
export const TERM = 1;
/** With TERM: the term is only a name part, so it must start with a capital. */
export const CAPITAL = 2;
/** Title of an unwatched episode that hides a block on its own. */
export const TITLE = 4;
/** Title of an unwatched episode of ordinary words: counts only with the show, and with a capital. */
export const PLAIN_TITLE = 8;
/** An exception: whatever is found inside it does not count. */
export const EXCEPTION = 16;

/**
 * Hands `add` every folded form of an enabled list's terms, episode titles and
 * exceptions (duplicates possible), with its role bits; nothing for a disabled list.
 */
export function listForms(list: MatchList, add: (text: string, role: number) => void): void {
  if (!list.enabled) return;
  // Indexed loops and callbacks, not for-of over fresh arrays: code that runs once per
  // frame is not optimized yet, and there each of those allocates.
  const addVariants = (text: string | null, role: number): void => {
    if (!text) return;
    if (isPlainWords(text)) add(text, role);
    else for (const v of variants(text)) add(v, role);
  };
  const addPart = (part: string): void => addVariants(part, TERM | CAPITAL);
  const addPlainPart = (part: string): void => add(part, TERM | CAPITAL);
  const title = foldTerm(list.title);
  addVariants(title, TERM);
  if (title) addVariants(runTogether(title), TERM);
  const names = list.characters.concat(list.cast);
  const plain = plainNames(names);
  for (let k = 0; k < names.length; k++) {
    if (plain) {
      add(plain[k]!, TERM);
      if (list.matchNameParts) forEachNamePart(plain[k]!, addPlainPart);
    } else {
      const folded = foldTerm(names[k]!);
      addVariants(folded, TERM);
      if (list.matchNameParts && folded) forEachNamePart(folded, addPart);
    }
  }
  for (let k = 0; k < list.keywords.length; k++) {
    const folded = foldTerm(list.keywords[k]!);
    addVariants(folded, TERM);
    if (folded) addVariants(plural(folded), TERM);
  }
  const boundary = list.boundary;
  if (boundary) {
    for (let k = 0; k < boundary.titles.length; k++) addVariants(foldTerm(boundary.titles[k]!), TITLE);
    for (let k = 0; k < boundary.plainTitles.length; k++) addVariants(foldTerm(boundary.plainTitles[k]!), PLAIN_TITLE);
  }
  const exceptions = list.exceptions;
  if (exceptions) {
    for (let k = 0; k < exceptions.length; k++) {
      const folded = foldTerm(exceptions[k]!);
      addVariants(folded, EXCEPTION);
      if (folded) addVariants(plural(folded), EXCEPTION); // "snow day" spares "snow days" too
    }
  }
}

/** Whether a list needs more than "any term found": a boundary or exceptions. */
export function isConditional(list: MatchList): boolean {
  return !!list.boundary || (list.exceptions?.length ?? 0) > 0;
}

/**
 * The folded names when all are ASCII letters and digits in single-spaced words (most
 * lists): they fold by one lower-casing of them all and have no variants, which keeps a
 * 1,000-name list cheap to compile in every frame of every page load; else null.
 */
function plainNames(names: readonly string[]): string[] | null {
  const joined = names.join('\n');
  if (!ASCII_NAMES.test(joined)) return null;
  const lower = joined.toLowerCase();
  if (!PLAIN_NAMES.test(lower)) return null;
  const folded = lower.split('\n');
  return folded.length === names.length ? folded : null; // else a name held a line break
}
const ASCII_NAMES = /^[!-~]+(?: [!-~]+)*(?:\n[!-~]+(?: [!-~]+)*)*$/;
const PLAIN_NAMES = /^[a-z0-9 \n]+$/;
