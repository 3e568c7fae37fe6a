/**
 * A slow, obviously-correct matcher written straight from the rules in
 * lib/match/compile.ts's doc comment: fold the text into a string with an array of
 * original offsets, then try every form at every position. No tables, no automaton;
 * shares only the honorific and particle word lists (data) with the fast matcher.
 */
import { isRoleWord } from '../../../lib/match/name-parts';
import type { MatchList } from '../../../lib/shared/watchlist';

const ACCENT = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
const ACCENTS = new RegExp(ACCENT.source, 'g');
const IGNORABLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff\uffff]/;
const SAME: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2032': "'", '\uff07': "'", '\u2010': '-', '\u2011': '-',
  'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l', 'ł': 'l', 'ŧ': 't', 'ς': 'σ',
};
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const NO_SPACE =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\p{scx=Yi}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]$/u;

/** '' when the code unit vanishes, ' ' for whitespace, else its one-unit fold. */
export function refFoldUnit(ch: string): string {
  if (IGNORABLE.test(ch) || ACCENT.test(ch)) return '';
  if (/\s/.test(ch)) return ' ';
  if (SAME[ch]) return SAME[ch];
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return ch;
  const stripped = ch.normalize('NFD').replace(ACCENTS, '');
  const base = stripped.length === 1 ? stripped : ch;
  const lower = base.toLowerCase().length === 1 ? base.toLowerCase() : base;
  return SAME[lower] ?? lower;
}

function foldTermRef(raw: string): string {
  return [...Array(raw.length).keys()].map((i) => refFoldUnit(raw[i]!)).join('').replace(/ +/g, ' ').trim();
}

const isSpacedWord = (cp: string | undefined): boolean =>
  cp !== undefined && WORD.test(cp) && !NO_SPACE.test(cp) && !["'", '-'].includes(refFoldUnit(cp));

/** The whole code point (or lone surrogate) that ends at code unit `k`. */
function codePointEndingAt(text: string, k: number): string {
  const prev = text.codePointAt(k - 1);
  return k >= 1 && prev !== undefined && prev > 0xffff ? text.slice(k - 1, k + 1) : text[k]!;
}

function plural(w: string): string | null {
  if (!/[a-z]$/.test(w)) return null;
  if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  return w + 's';
}

function variants(form: string): string[] {
  const inner = /(?<=[\p{L}\p{N}\p{M}])-(?=[\p{L}\p{N}\p{M}])/gu;
  const spellings = inner.test(form) ? [form, form.replace(inner, ' '), form.replace(inner, '')] : [form];
  const out = spellings.flatMap((s) => [s, s.replace(/[.?!]+$/, '').trim()]);
  return out.filter((s) => /[\p{L}\p{N}\p{M}]/u.test(s));
}

const formsOf = new WeakMap<MatchList, Array<[string, boolean]>>();

/** Every [form, needsCapital] of a list (worked out once per list object). */
export function refForms(list: MatchList): Array<[string, boolean]> {
  let forms = formsOf.get(list);
  if (!forms) formsOf.set(list, (forms = formsOfList(list)));
  return forms;
}

function formsOfList(list: MatchList): Array<[string, boolean]> {
  if (!list.enabled) return [];
  const forms: Array<[string, boolean]> = [];
  const add = (s: string | null, capital: boolean) => {
    if (s) for (const v of variants(s)) forms.push([v, capital]);
  };
  const title = foldTermRef(list.title);
  add(title, false);
  const runs = title.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (runs.length >= 2) add(runs.join(''), false);
  for (const name of [...list.characters, ...list.cast]) {
    const n = foldTermRef(name);
    add(n, false);
    const words = n.split(' ');
    if (!list.matchNameParts || words.length < 2) continue;
    for (const w of words) {
      const core = w.replace(/^[^\p{L}\p{N}\p{M}]+/u, '').replace(/[^\p{L}\p{N}\p{M}]+$/u, '');
      const letters = [...core].filter((c) => WORD.test(c)).length;
      const bare = core.replaceAll('.', '');
      if (letters > 2 && !isRoleWord(bare)) add(core, true);
    }
  }
  for (const keyword of list.keywords) {
    const k = foldTermRef(keyword);
    add(k, false);
    add(k && plural(k), false);
  }
  return forms;
}

/** Where `form` occurs in `text` by the rules ([start, end) of each), by brute force. */
function refSpans(text: string): (form: string, capital: boolean) => Array<[number, number]> {
  // Folded text and, for each folded unit, the original code unit it came from.
  let folded = '';
  const origin: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const f = refFoldUnit(text[k]!);
    if (f === '' || (f === ' ' && folded.endsWith(' '))) continue;
    folded += f;
    origin.push(k);
  }
  const dropped = (k: number) => refFoldUnit(text[k]!) === '';
  return (form, capital) => {
    const spans: Array<[number, number]> = [];
    for (let j = folded.indexOf(form); j !== -1; j = folded.indexOf(form, j + 1)) {
      const start = origin[j]!;
      const end = origin[j + form.length - 1]! + 1;
      let before = start - 1;
      while (before >= 0 && dropped(before)) before--;
      let after = end;
      while (after < text.length && dropped(after)) after++;
      const neighbourBefore = before >= 0 ? codePointEndingAt(text, before) : undefined;
      const neighbourAfter = after < text.length ? String.fromCodePoint(text.codePointAt(after)!) : undefined;
      const first = String.fromCodePoint(form.codePointAt(0)!);
      const last = codePointEndingAt(form, form.length - 1);
      if (isSpacedWord(first) && isSpacedWord(neighbourBefore)) continue;
      if (isSpacedWord(last) && isSpacedWord(neighbourAfter)) continue;
      if (capital && /\p{Ll}/u.test(String.fromCodePoint(text.codePointAt(start)!))) continue;
      spans.push([start, end]);
    }
    return spans;
  };
}

/** The lists mentioned by `text`, in input order, by brute force. */
export function referenceMatch(lists: readonly MatchList[], text: string): MatchList[] {
  return lists.filter((list) => referenceOccurrences([list], text, true).length > 0);
}

/** One place where a list is mentioned: `text.slice(start, end)` is the mention. */
export interface ReferenceOccurrence {
  list: MatchList;
  start: number;
  end: number;
}

/**
 * Every mention of every list in `text`, by brute force, in list order then position
 * (`first`: only the first one found of each list).
 */
export function referenceOccurrences(lists: readonly MatchList[], text: string, first = false): ReferenceOccurrence[] {
  const spans = refSpans(text);
  const found: ReferenceOccurrence[] = [];
  for (const list of lists) {
    const mine: ReferenceOccurrence[] = [];
    for (const [form, capital] of refForms(list)) for (const [start, end] of spans(form, capital)) mine.push({ list, start, end });
    mine.sort((a, b) => a.start - b.start || b.end - a.end);
    found.push(...(first ? mine.slice(0, 1) : mine));
  }
  return found;
}

/**
 * The lists hiding `text` once boundaries and exceptions count, by brute force from the
 * rules: a hit inside an exception does not count; a list with a boundary hides on a
 * distinctive unwatched title alone, or on a term with an ordinary title (capitalized)
 * or a marker past the boundary. Markers are read by the product's `findMarkers`,
 * which has tests of its own.
 */
export function referenceDecide(
  lists: readonly MatchList[],
  text: string,
  markers: Array<{ season: number; episode: number; start: number; end: number }>,
  isPast: (season: number, episode: number, list: MatchList) => boolean,
): MatchList[] {
  const spans = refSpans(text);
  const forms = (raws: readonly string[]) => raws.map(foldTermRef).filter(Boolean).flatMap(variants);
  return lists.filter((list) => {
    if (!list.enabled) return false;
    const exceptionForms = (list.exceptions ?? []).map(foldTermRef).filter(Boolean).flatMap((e) => [e, plural(e)]);
    const exceptions = exceptionForms.filter((e): e is string => !!e).flatMap(variants).flatMap((f) => spans(f, false));
    const counts = ([s, e]: [number, number]) => !exceptions.some(([a, b]) => a <= s && e <= b);
    const term = refForms(list).some(([form, capital]) => spans(form, capital).some(counts));
    const b = list.boundary;
    if (!b) return term;
    if (forms(b.titles).some((f) => spans(f, false).some(counts))) return true;
    if (!term) return false;
    if (forms(b.plainTitles).some((f) => spans(f, true).some(counts))) return true;
    return markers.some((m) => isPast(m.season, m.episode, list) && counts([m.start, m.end]));
  });
}
