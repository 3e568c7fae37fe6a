/**
 * Compiles enabled watchlists into one matcher that answers, for any text, which
 * watchlists it mentions (issue 3). Parts: `fold.ts` (case and accent folding),
 * `terms.ts` + `name-parts.ts` (which forms each list searches for), `owners.ts` (the
 * distinct forms and the lists owning each), `automaton.ts` (all forms in one
 * Aho-Corasick pass), `boundary.ts` (word boundaries and capitalization, checked on the
 * original text only where the automaton reports a hit).
 *
 * The content script compiles in every frame of every page load, so compiling does little
 * more than fold, sort and count the forms (a 1,000-name list: a few ms in a fresh
 * process, see bench/cold-compile.ts). Everything else is built on first use and then
 * kept: the shared fold and class tables (per 256-unit page, per code unit), and each
 * matcher's symbol pages, automaton states and rows, and pattern edges. Built lazily or
 * eagerly, they are the same (tests/unit/match/tables.test.ts, and the property test).
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
import type { MatchList } from '../shared/watchlist';
import { buildAutomaton, RARE_ENTRY } from './automaton';
import { classAfter, classAt, classBefore, classEndingAt, isSpacedWord, LOWER } from './boundary';
import { foldPage, matchStart } from './fold';
import { collectOwners, type Owners } from './owners';

/** The compiled watchlists. */
export interface Matcher {
  /** lists whose terms occur in text, in input order, each once; [] when none */
  match(text: string): readonly MatchList[];
  /** true when no enabled list has any usable term (scanning can be skipped) */
  readonly empty: boolean;
}

/**
 * Dense transition entries allocated at most (32 MB); rows are filled only for the states
 * a scan reaches. The bench's 10,000 terms allocate 4 M entries (16 MB).
 */
const DENSE_BUDGET = 8_000_000;

const NONE: readonly MatchList[] = Object.freeze([]);

/**
 * Compiles `lists` (disabled ones match nothing) into a matcher; `forms`: their forms
 * and owners, when already collected (the snapshot's stored forms, stored-forms.ts).
 */
export function compileMatcher(lists: readonly MatchList[], forms?: Owners | null): Matcher {
  return compileWithBudget(lists, DENSE_BUDGET, forms);
}

/** `compileMatcher` with a chosen dense-table budget (tests use a tiny one to exercise rare symbols). */
export function compileWithBudget(input: readonly MatchList[], denseBudget: number, forms?: Owners | null): Matcher {
  const lists = [...input]; // the caller may edit its array later
  const owners = forms ?? collectOwners(lists);
  if (!owners) return { empty: true, match: () => NONE };
  const { texts, ownerStart, ownerList, ownerCapital, wanted } = owners;

  // Which ends of a pattern need a word boundary, worked out at its first hit (most
  // patterns never occur on a page): 1 before, 2 after, 4 known.
  const edges = new Uint8Array(texts.length);
  const edgesOf = (p: number): number => {
    const text = texts[p]!;
    const first = isSpacedWord(classAt(text, 0)) ? 1 : 0;
    const last = isSpacedWord(classEndingAt(text, text.length)) ? 2 : 0;
    return (edges[p] = first | last | 4);
  };

  const { symbols, dense, delta, start, output, nextOutput, next } = buildAutomaton(texts, denseBudget);
  // The fold table is filled page by page as text is read; matchStart only walks back
  // over code units the automaton has read, whose pages are filled.
  const fold = foldPage(0);
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
      const edge = edges[p] || edgesOf(p);
      if (edge & 2 && isSpacedWord(classAfter(text, i + 1))) continue;
      const start = matchStart(text, i, texts[p]!.length, fold);
      if (edge & 1 && isSpacedWord(classBefore(text, start))) continue;
      let lowerStart: boolean | undefined;
      for (let o = ownerStart[p]!; o < ownerStart[p + 1]!; o++) {
        const li = ownerList[o]!;
        if (seen[li] === stamp) continue;
        if (ownerCapital[o] && (lowerStart ??= (classAt(text, start) & LOWER) !== 0)) continue;
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
      let s = start | 0; // an int32 from the start, so the loop keeps `s` untagged
      const sy = symbols;
      const de = delta;
      for (let i = 0, n = text.length; i < n; i++) {
        let t = de[s + sy[text.charCodeAt(i)]!]!;
        // One sign test per character: rows not built yet (0), rare symbols and unread
        // pages (RARE_ENTRY) and outputs (negative) all take this branch.
        if (t <= 0) {
          if (t === 0 || t === RARE_ENTRY) t = next(s, text.charCodeAt(i));
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
