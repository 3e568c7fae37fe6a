/**
 * Compiles enabled watchlists into one matcher that answers, for any text, which
 * watchlists it mentions (issue 3). Parts: `fold.ts` (case and accent folding),
 * `terms.ts` + `name-parts.ts` (which forms each list searches for), `automaton.ts`
 * (all forms in one Aho-Corasick pass), `boundary.ts` (word boundaries and
 * capitalization, checked on the original text only where the automaton reports a hit).
 *
 * Choices for cases the issue leaves open:
 * - Folding is per UTF-16 code unit: lower-case plus NFD accents removed (é, Å, ñ, İ →
 *   e, a, n, i); ø đ ł ħ ŧ ı → o d l h t i; ς → σ; typographic apostrophes → '; Unicode
 *   hyphens U+2010/2011 → -. Soft hyphens and zero-width characters vanish. No expansions
 *   (ß stays ß, æ stays æ) and astral code points are not folded. Kana voicing and Indic
 *   vowel signs are letters, not accents: が ≠ か.
 * - Possessives need no extra forms: an apostrophe is not a word character, so "Hannah"
 *   is a whole word in "Hannah's", "Hannah’s" and "Hannah'" (and "tapes" in "tapes'").
 * - Words: letters, digits and marks of any script (`\p{L}\p{N}\p{M}`). Digits are word
 *   characters: "Clay2" is not "Clay", "213 Reasons Why" is not "13 Reasons Why".
 * - Scripts without spaces (Han, Hiragana, Katakana, Hangul, Bopomofo, Yi, Thai, Lao,
 *   Khmer, Myanmar, Tibetan): no boundary is needed on a side where the term's edge or its
 *   neighbour is such a character, so `エレン` matches inside `エレンが`, and `Netflix`
 *   inside `Netflixで`. Hangul is included because Korean attaches particles to names.
 * - A term's punctuation is literal, except: inner hyphens may also be written as a space
 *   or not at all (Spider-Man, Spider Man, Spiderman), and trailing `.?!` may be left out
 *   (S.H.I.E.L.D, Dr. Who). No boundary is required on a side where the term ends in
 *   punctuation (`C++` also matches in `C++x`). Terms with no letter or digit are ignored,
 *   as are empty and whitespace-only ones.
 * - Name parts (rule 4) are the whitespace-separated words of a name of two or more words,
 *   stripped of surrounding punctuation; a hyphenated word stays one part (Jean-Luc). A
 *   part alone matches when its first character in the ORIGINAL text is not a lower-case
 *   letter, so Clay, CLAY and (caseless scripts) ミカサ pass; clay does not. One-word names
 *   are full names: they match in any case.
 * - Titles run together: the title's letters and digits joined, found with word boundaries
 *   like any term (a leading `#` is not a word character). Only for titles of 2+ words.
 * - Keyword plurals: the last word gets -es after s/x/z/ch/sh, -ies for consonant + y, else
 *   -s; only when it ends in a-z.
 * - A form shared by several lists matches for each; the same form as a name part and as a
 *   full term in one list needs no capital.
 */
import type { MatchList } from '../watchlist/model';
import { buildAutomaton, RARE_ENTRY } from './automaton';
import { classAfter, classAt, classBefore, classEndingAt, classTable, isSpacedWord, LOWER } from './boundary';
import { foldTable, matchStart } from './fold';
import { listForms } from './terms';

/** The compiled watchlists. */
export interface Matcher {
  /** lists whose terms occur in text, in input order, each once; [] when none */
  match(text: string): readonly MatchList[];
  /** true when no enabled list has any usable term (scanning can be skipped) */
  readonly empty: boolean;
}

/** Dense transition entries allowed (32 MB); the bench's 10,000 terms use 4.2 M (17 MB). */
const DENSE_BUDGET = 8_000_000;

const NONE: readonly MatchList[] = Object.freeze([]);

/** Compiles `lists` (disabled ones match nothing) into a matcher. */
export function compileMatcher(lists: readonly MatchList[]): Matcher {
  return compileWithBudget(lists, DENSE_BUDGET);
}

/** `compileMatcher` with a chosen dense-table budget (tests use a tiny one to exercise rare symbols). */
export function compileWithBudget(input: readonly MatchList[], denseBudget: number): Matcher {
  const lists = [...input]; // the caller may edit its array later
  const fold = foldTable();
  const classes = classTable();

  // Distinct forms, each with the lists that own it and whether each needs a capital.
  // A list's forms arrive together, so a repeat within the list is the last entry.
  const ids = new Map<string, number>();
  const lastList: number[] = [];
  const lastEntry: number[] = [];
  const entryPattern: number[] = [];
  const entryList: number[] = [];
  const entryCapital: boolean[] = [];
  lists.forEach((list, li) => {
    for (const form of listForms(list)) {
      let id = ids.get(form.text);
      if (id === undefined) {
        id = lastList.length;
        ids.set(form.text, id);
        lastList.push(-1);
        lastEntry.push(-1);
      }
      if (lastList[id] === li) {
        const e = lastEntry[id]!;
        entryCapital[e] = entryCapital[e]! && form.capital;
        continue;
      }
      lastList[id] = li;
      lastEntry[id] = entryPattern.length;
      entryPattern.push(id);
      entryList.push(li);
      entryCapital.push(form.capital);
    }
  });
  const texts = [...ids.keys()];
  if (texts.length === 0) return { empty: true, match: () => NONE };

  // Flat per-pattern data for the hit path; owners grouped by pattern (counting sort).
  const length = new Int32Array(texts.length);
  const edges = new Uint8Array(texts.length); // 1: boundary needed before, 2: after
  const ownerStart = new Int32Array(texts.length + 1);
  for (const p of entryPattern) ownerStart[p + 1]!++;
  for (let p = 0; p < texts.length; p++) ownerStart[p + 1]! += ownerStart[p]!;
  const fill = ownerStart.slice(0, texts.length);
  const ownerList = new Int32Array(entryPattern.length);
  const ownerCapital = new Uint8Array(entryPattern.length);
  entryPattern.forEach((p, e) => {
    const o = fill[p]!++;
    ownerList[o] = entryList[e]!;
    ownerCapital[o] = entryCapital[e] ? 1 : 0;
  });
  texts.forEach((text, p) => {
    length[p] = text.length;
    const first = classAt(text, 0, classes);
    const last = classEndingAt(text, text.length, classes);
    edges[p] = (isSpacedWord(first) ? 1 : 0) | (isSpacedWord(last) ? 2 : 0);
  });
  const wanted = new Set(ownerList).size;

  const { symbols, dense, delta, output, nextOutput, rareNext } = buildAutomaton(texts, fold, denseBudget);
  const seen = new Uint32Array(lists.length);
  let stamp = 0;

  /** Lists newly confirmed by the patterns ending at state `s`, whose last code unit is `i`. */
  const confirm = (text: string, i: number, s: number): number => {
    let found = 0;
    for (let u = output[s] !== -1 ? s : nextOutput[s]!; u !== 0; u = nextOutput[u]!) {
      const p = output[u]!;
      let open = false;
      for (let o = ownerStart[p]!; o < ownerStart[p + 1]!; o++) if (seen[ownerList[o]!] !== stamp) open = true;
      if (!open) continue;
      const edge = edges[p]!;
      if (edge & 2 && isSpacedWord(classAfter(text, i + 1, fold, classes))) continue;
      const start = matchStart(text, i, length[p]!, fold);
      if (edge & 1 && isSpacedWord(classBefore(text, start, fold, classes))) continue;
      let lowerStart: boolean | undefined;
      for (let o = ownerStart[p]!; o < ownerStart[p + 1]!; o++) {
        const li = ownerList[o]!;
        if (seen[li] === stamp) continue;
        if (ownerCapital[o] && (lowerStart ??= (classAt(text, start, classes) & LOWER) !== 0)) continue;
        seen[li] = stamp;
        found++;
      }
    }
    return found;
  };

  return {
    empty: false,
    match(text) {
      if (++stamp === 0xffffffff) {
        seen.fill(0);
        stamp = 1;
      }
      let found = 0;
      let s = 0;
      const sy = symbols;
      const de = delta;
      for (let i = 0, n = text.length; i < n; i++) {
        let t = de[s + sy[text.charCodeAt(i)]!]!;
        // One sign test per character; both rare symbols and outputs are negative.
        if (t < 0) {
          if (t === RARE_ENTRY) t = rareNext(s, text.charCodeAt(i));
          if (t < 0) {
            t = -t;
            found += confirm(text, i, t / dense);
            if (found === wanted) break;
          }
        }
        s = t;
      }
      if (found === 0) return NONE;
      const result: MatchList[] = [];
      for (let li = 0; li < lists.length; li++) if (seen[li] === stamp) result.push(lists[li]!);
      return result;
    },
  };
}
