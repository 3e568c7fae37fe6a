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
import { findMarkers } from './markers';
import { collectOwners, type Owners } from './owners';
import { isPastBoundary } from './past';
import { CAPITAL, EXCEPTION, isConditional, PLAIN_TITLE, TERM, TITLE } from './terms';

/** The compiled watchlists. */
export interface Matcher {
  /** lists whose terms occur in text, in input order, each once; [] when none */
  match(text: string): readonly MatchList[];
  /**
   * Why each list that `match` gives for `text` hides it: the term found and, for a list
   * hiding only what lies past an episode, what lies past it (a marker or an episode
   * title). Slower than `match`; for the user who revealed a block and asks why.
   */
  explain(text: string): HideReason[];
  /** true when no enabled list has any usable term (scanning can be skipped) */
  readonly empty: boolean;
}

/** Why a list hides a text: the words found, as written in it. */
export interface HideReason {
  list: MatchList;
  /** The term (or distinctive episode title) found. */
  term: string;
  /** What lies past the viewer's episode (a marker, an episode title); null for a list hiding every mention. */
  past: string | null;
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
  if (!owners) return { empty: true, match: () => NONE, explain: () => [] };
  const texts = owners.texts;
  const ownersOf: (readonly number[])[] = [];
  // Lists with a boundary or exceptions can only be decided once the whole text is read:
  // their hits are recorded, then `decide` reads them. The others are confirmed at once,
  // and the scan stops when all of them are found (when there are only such lists).
  const conditional = new Uint8Array(lists.length);
  for (let li = 0; li < lists.length; li++) if (isConditional(lists[li]!)) conditional[li] = 1;
  const wanted = conditional.includes(1) ? -1 : owners.wanted;
  /** This call's hits of recorded lists, flat: list, role bits, start, end. */
  const hits: number[] = [];
  const decided = new Uint32Array(lists.length);
  const rolesFound = new Uint8Array(lists.length);
  /** While explaining: every list's hits are recorded, and the reasons kept. */
  let reasons: HideReason[] | null = null;

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
      const own: readonly number[] = (ownersOf[p] ??= owners.of(p));
      let open = false;
      for (let o = 0; o < own.length; o += 2) {
        const li = own[o]!;
        if (seen[li] !== stamp || conditional[li] || reasons) open = true;
      }
      if (!open) continue;
      const edge = edges[p] || edgesOf(p);
      if (edge & 2 && isSpacedWord(classAfter(text, i + 1))) continue;
      const start = matchStart(text, i, texts[p]!.length, fold);
      if (edge & 1 && isSpacedWord(classBefore(text, start))) continue;
      let lowerStart: boolean | undefined;
      for (let o = 0; o < own.length; o += 2) {
        const li = own[o]!;
        let role = own[o + 1]!;
        if (conditional[li] || reasons) {
          if (role & (CAPITAL | PLAIN_TITLE) && (lowerStart ??= (classAt(text, start) & LOWER) !== 0)) {
            role &= role & CAPITAL ? ~(TERM | CAPITAL | PLAIN_TITLE) : ~PLAIN_TITLE;
          }
          if (role) hits.push(li, role, start, i + 1);
          continue;
        }
        if (seen[li] === stamp) continue;
        if (role & CAPITAL && (lowerStart ??= (classAt(text, start) & LOWER) !== 0)) continue;
        seen[li] = stamp;
        found++;
      }
    }
    return found;
  };

  /** Whether [from, to) lies inside an exception of list `li` found in this text. */
  const excepted = (li: number, from: number, to: number): boolean => {
    for (let k = 0; k < hits.length; k += 4) {
      if (hits[k] === li && hits[k + 1]! & EXCEPTION && hits[k + 2]! <= from && to <= hits[k + 3]!) return true;
    }
    return false;
  };

  /** Decides the recorded lists once the text is read; returns how many hide it. */
  const decide = (text: string): number => {
    let found = 0;
    let markers: number[] | null = null;
    // The roles each list was found in: a list with only ordinary titles or exceptions
    // (most of them, on a page of common words) needs no closer look.
    for (let h = 0; h < hits.length; h += 4) {
      const li = hits[h]!;
      if (decided[li] !== stamp) {
        decided[li] = stamp;
        rolesFound[li] = 0;
      }
      rolesFound[li] = rolesFound[li]! | hits[h + 1]!;
    }
    for (let h = 0; h < hits.length; h += 4) {
      const li = hits[h]!;
      if (!(rolesFound[li]! & (TERM | TITLE))) continue;
      const exceptions = rolesFound[li]! & EXCEPTION;
      rolesFound[li] = 0; // decided once
      let term = -1;
      let title = -1;
      let plain = -1;
      for (let k = h; k < hits.length; k += 4) {
        const role = hits[k + 1]!;
        if (hits[k] !== li || !(role & (TERM | TITLE | PLAIN_TITLE))) continue;
        if (exceptions && excepted(li, hits[k + 2]!, hits[k + 3]!)) continue;
        if (role & TERM && term < 0) term = k;
        if (role & TITLE && title < 0) title = k;
        if (role & PLAIN_TITLE && plain < 0) plain = k;
      }
      const boundary = lists[li]!.boundary;
      let by = -1; // the hit that names the show (or a distinctive title)
      let past: string | null = null;
      if (!boundary) by = term;
      else if (title >= 0) {
        by = title;
        past = text.slice(hits[title + 2], hits[title + 3]);
      } else if (term >= 0 && plain >= 0) {
        by = term;
        past = text.slice(hits[plain + 2], hits[plain + 3]);
      } else if (term >= 0) {
        markers ??= findMarkers(text);
        for (let m = 0; m < markers.length; m += 4) {
          if (!isPastBoundary(markers[m]!, markers[m + 1]!, boundary) || excepted(li, markers[m + 2]!, markers[m + 3]!)) continue;
          by = term;
          past = text.slice(markers[m + 2], markers[m + 3]);
          break;
        }
      }
      if (by < 0) continue;
      seen[li] = stamp;
      found++;
      reasons?.push({ list: lists[li]!, term: text.slice(hits[by + 2], hits[by + 3]), past });
    }
    return found;
  };

  const match = (text: string): readonly MatchList[] => {
    if (++stamp === 0xffffffff) {
      seen.fill(0);
      decided.fill(0);
      stamp = 1;
    }
    hits.length = 0;
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
    if (hits.length > 0) found += decide(text);
    if (found === 0) return NONE;
    const result: MatchList[] = [];
    for (let li = 0; li < lists.length; li++) if (seen[li] === stamp) result.push(lists[li]!);
    return result;
  };
  return {
    empty: false,
    match,
    explain(text) {
      const out: HideReason[] = (reasons = []);
      try {
        match(text);
      } finally {
        reasons = null;
      }
      return lists.flatMap((list) => out.filter((r) => r.list === list));
    },
  };
}
