/**
 * The real-page oracle's judgement, in Node, on what `readPage` read in the browser:
 * the watchlist drawn from a page's own text, and for a page read with the extension,
 * what was missed, what was hidden for nothing, what moved and what leaked. Terms are
 * found by the brute-force reference matcher (tests/unit/match/reference.ts), never by
 * the product's matcher.
 */
import type { MatchList } from '../../../lib/shared/watchlist';
import { referenceMatch, referenceOccurrences } from '../../unit/match/reference';
import type { PageReading, Piece } from './read-page';

/** The terms drawn from one page: names (two capitalized words) and words. */
export interface PageTerms {
  names: string[];
  words: string[];
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const runText = (run: Piece[]): string => run.map(([t]) => t).join('');
const hasWord = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** The `count` most frequent of `found`, most frequent first, ties in code-point order. */
function top(found: Iterable<string>, count: number, atLeast = 1): string[] {
  const counts = new Map<string, number>();
  for (const s of found) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= atLeast)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, count)
    .map(([s]) => s);
}

/**
 * A watchlist drawn from a page's visible text, deterministic: its most frequent names
 * (two capitalized words in a row, as a cast list or a table of contents writes them),
 * its most frequent long lower-case words, and on pages written without spaces, its most
 * frequent three-character sequences.
 */
export function chooseTerms(reading: PageReading, counts = { names: 5, words: 3 }): PageTerms {
  const texts = reading.runs.map((run) => collapse(runText(run)));
  const names: string[] = [];
  const words: string[] = [];
  const grams: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}{2,}) (\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}'’-])/gu)) names.push(m[0]);
    for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])(?:\p{Ll}{8,}|[\p{scx=Arabic}\p{scx=Hebrew}\p{scx=Thai}]{6,})(?![\p{L}\p{N}'’-])/gu)) words.push(m[0]);
    for (const m of text.matchAll(/[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]{3,}/gu)) {
      const run = [...m[0]];
      for (let i = 0; i + 3 <= run.length; i++) grams.push(run.slice(i, i + 3).join(''));
    }
  }
  return { names: top(names, counts.names), words: [...top(words, counts.words), ...top(grams, counts.words, 3)] };
}

/** The watchlist a set of pages' terms make, as the extension stores it. */
export function watchlistOf(title: string, terms: readonly PageTerms[]): MatchList {
  const unique = (list: string[]) => [...new Set(list)].sort();
  return {
    id: 'oracle',
    title,
    enabled: true,
    matchNameParts: false,
    characters: unique(terms.flatMap((t) => t.names)),
    cast: [],
    keywords: unique(terms.flatMap((t) => t.words)),
  };
}

export interface Verdict {
  /** Visible characters (whitespace collapsed). */
  visibleChars: number;
  /** Mentions of a term in visible text and image `alt` text. */
  mentions: number;
  /** Mentions left visible: the mention, and its run's text around it. */
  misses: Array<{ mention: string; context: string }>;
  /** Hidden things (elements and texts, outermost). */
  hidden: number;
  /** Visible characters hidden in things that name no term at all. */
  collateralChars: number;
  /** Those runs' text (shortened). */
  collateral: string[];
  /**
   * Visible characters hidden beside a mention: runs naming no term inside a hidden
   * thing whose other runs (or pictures, or links' titles) do — a short item (a video
   * tile, a teaser card) hidden as one, by design.
   */
  besideChars: number;
  /** Text the extension added that names a term. */
  leaks: string[];
}

const around = (text: string, start: number, end: number): string =>
  collapse(`${text.slice(Math.max(0, start - 40), start)}[${text.slice(start, end)}]${text.slice(end, end + 40)}`);

/**
 * Judges a page read with the extension (`reading`; `without`: the same page read
 * without it): `lists` are what the reference matcher looks for (the imported
 * watchlist, and in the oracle's own check, terms never imported).
 */
export function judge(reading: PageReading, without: PageReading, lists: readonly MatchList[]): Verdict {
  const verdict: Verdict = { visibleChars: 0, mentions: 0, misses: [], hidden: reading.hidden.length, collateralChars: 0, collateral: [], besideChars: 0, leaks: [] };
  for (const run of reading.runs) {
    const text = runText(run);
    verdict.visibleChars += collapse(text).length;
    if (!hasWord(text)) continue;
    // Where each piece starts in the run's text.
    const starts: number[] = [];
    let at = 0;
    for (const [t] of run) {
      starts.push(at);
      at += t.length;
    }
    for (const { start, end } of referenceOccurrences(lists, text)) {
      verdict.mentions++;
      const visible = run.some(([t, hidden], i) => {
        if (hidden !== false) return false;
        const from = Math.max(start, starts[i]!);
        const to = Math.min(end, starts[i]! + t.length);
        return from < to && hasWord(text.slice(from, to));
      });
      if (visible) verdict.misses.push({ mention: text.slice(start, end), context: around(text, start, end) });
    }
  }
  for (const [alt, hidden] of reading.images) {
    for (const { start, end } of referenceOccurrences(lists, alt)) {
      verdict.mentions++;
      if (!hidden) verdict.misses.push({ mention: alt.slice(start, end), context: `image: ${around(alt, start, end)}` });
    }
  }
  // Names a term read with its nodes' texts joined, or apart where they touch
  // (inline elements that the page's styles set apart: `<b>jnovo22</b><b>Patrick Allan</b>`).
  const names = (run: string): boolean =>
    referenceMatch(lists, collapse(run.replaceAll('\u0000', ''))).length > 0 ||
    (run.includes('\u0000') && referenceMatch(lists, run.replaceAll('\u0000', ' ')).length > 0);
  for (const { runs, labels, elements } of reading.hidden) {
    // The `alt`, `title` or `aria-label` of it or of what it holds (a thumbnail, a link) names a term.
    const labelled = referenceMatch(lists, `${labels} ${elements.map((i) => without.titles[i] ?? '').join(' ')}`).length > 0;
    const mentioned = labelled || runs.some(names);
    for (const run of runs) {
      const text = collapse(run.replaceAll('\u0000', ''));
      if (!hasWord(text) || names(run)) continue;
      if (mentioned) {
        verdict.besideChars += text.length;
        continue;
      }
      verdict.collateralChars += text.length;
      verdict.collateral.push(text.length > 80 ? `${text.slice(0, 77)}...` : text);
    }
  }
  // What the extension adds may name the show (its title), never a term.
  const termsOnly = lists.map((list) => ({ ...list, title: '' }));
  for (const text of reading.added) if (referenceMatch(termsOnly, text).length > 0) verdict.leaks.push(collapse(text));
  return verdict;
}

export interface LayoutChange {
  /** Change of the root's scrollHeight, in CSS px. */
  height: number;
  /** Change of its scrollWidth. */
  width: number;
  /** Table cells whose box moved or changed size by more than a pixel (or a different count of cells). */
  cellsMoved: number;
}

/** How the layout of a page read with the extension differs from the same page read without it. */
export function compareLayout(without: PageReading, withExtension: PageReading): LayoutChange {
  let cellsMoved = Math.abs(without.cells.length - withExtension.cells.length);
  const n = Math.min(without.cells.length, withExtension.cells.length);
  for (let i = 0; i < n; i++) {
    const a = without.cells[i]!;
    const b = withExtension.cells[i]!;
    if (a.some((v, k) => Math.abs(v - b[k]!) > 1)) cellsMoved++;
  }
  return {
    height: withExtension.scroll[0] - without.scroll[0],
    width: withExtension.scroll[1] - without.scroll[1],
    cellsMoved,
  };
}

/** Whether a layout change is one (more than a pixel anywhere). */
export const layoutChanged = (change: LayoutChange): boolean =>
  Math.abs(change.height) > 1 || Math.abs(change.width) > 1 || change.cellsMoved > 0;
