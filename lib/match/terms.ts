/**
 * Expands a watchlist into the folded forms the automaton searches for: the title and
 * its run-together form, names and their parts, keywords and their plurals, each with
 * its hyphen and trailing-punctuation variants.
 */
import type { MatchList } from '../watchlist/model';
import { foldTerm } from './fold';
import { nameParts } from './name-parts';

/** One folded form to search for, and whether it counts only when capitalized in the text. */
export interface TermForm {
  text: string;
  /** A name part alone: its first character in the original text must not be lower-case. */
  capital: boolean;
}

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
const HAS_WORD = /[\p{L}\p{N}\p{M}]/u;
const INNER_HYPHEN = /(?<=[\p{L}\p{N}\p{M}])-(?=[\p{L}\p{N}\p{M}])/gu;
const TRAILING_PUNCT = /[.?!]+$/;

/** "13 reasons why" → "13reasonswhy" (also found in "#13ReasonsWhy"); null for one word. */
export function runTogether(folded: string): string | null {
  const runs = folded.match(WORD_RUN);
  return runs && runs.length >= 2 ? runs.join('') : null;
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
  const out = new Set<string>();
  const hyphened = form.includes('-') && INNER_HYPHEN.test(form);
  INNER_HYPHEN.lastIndex = 0;
  const spellings = hyphened
    ? [form, form.replace(INNER_HYPHEN, ' '), form.replace(INNER_HYPHEN, '')]
    : [form];
  for (const s of spellings) {
    out.add(s);
    const bare = s.replace(TRAILING_PUNCT, '').trimEnd();
    if (bare) out.add(bare);
  }
  return [...out].filter((s) => HAS_WORD.test(s));
}

/** True for folded ASCII letters and digits in space-separated words: no variants. */
function isPlainWords(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x20)) return false;
  }
  return true;
}

/** Every folded form of an enabled list's terms (duplicates possible); [] for a disabled list. */
export function listForms(list: MatchList): TermForm[] {
  if (!list.enabled) return [];
  const forms: TermForm[] = [];
  const add = (text: string | null, capital: boolean): void => {
    if (!text) return;
    for (const v of variants(text)) forms.push({ text: v, capital });
  };
  const title = foldTerm(list.title);
  add(title, false);
  if (title) add(runTogether(title), false);
  for (const name of [...list.characters, ...list.cast]) {
    const folded = foldTerm(name);
    add(folded, false);
    if (list.matchNameParts && folded) for (const part of nameParts(folded)) add(part, true);
  }
  for (const keyword of list.keywords) {
    const folded = foldTerm(keyword);
    add(folded, false);
    if (folded) add(plural(folded), false);
  }
  return forms;
}
