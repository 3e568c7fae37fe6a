import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, compileWithBudget } from '../../../lib/match/compile';
import type { MatchList } from '../../../lib/shared/watchlist';
import { referenceMatch } from './reference';

// Small pools so that generated texts often contain generated terms, with every kind of
// character the rules treat specially.
const LETTERS = ['a', 'b', 'e', 'n', 's', 'y', 'A', 'B', 'E', 'N', 'S', 'Y', 'é', 'É', 'ñ', 'Å', 'ø', 'Ø', 'İ', 'ı', 'ß', 'σ', 'ς', 'Σ', 'ж', 'Ж'];
const DIGITS = ['1', '3', '٣'];
const MARKS = ['\u0301', '\u0308', '\u093f'];
const INVISIBLE = ['\u00ad', '\u200b', '\ufeff'];
const SPACES = [' ', ' ', '  ', '\n', '\t', '\u00a0', '\u3000'];
const PUNCT = ['.', '*', '+', '?', '^', '$', '{', '}', '(', ')', '|', '[', ']', '\\', '-', '\u2011', "'", '’', 'ʼ', '#', '!', ','];
const NO_SPACE = ['エ', 'レ', 'ン', 'が', '中', '文', '한', '국', 'ก', 'า', 'ไ'];
const OTHER = ['क', 'ि', '😀', '𝒜', '𐐀', '\ud800'];
const POOL = [...LETTERS, ...LETTERS, ...DIGITS, ...MARKS, ...INVISIBLE, ...PUNCT, ...NO_SPACE, ...OTHER];

const chunk = fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const term = fc.oneof(
  { weight: 8, arbitrary: fc.array(chunk, { minLength: 1, maxLength: 3 }).chain((words) => fc.constantFrom(...SPACES).map((s) => words.join(s))) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\u00a0', '.', '...', '(.*)', '\\b', '[a-z]+') },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('ab', 'na', ' ', 'é', '-'), { minLength: 100, maxLength: 400 }).map((a) => a.join('')) },
);
const list = fc.record({
  id: fc.string({ maxLength: 3 }),
  title: term,
  enabled: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  matchNameParts: fc.boolean(),
  characters: fc.array(term, { maxLength: 3 }),
  cast: fc.array(term, { maxLength: 2 }),
  keywords: fc.array(term, { maxLength: 3 }),
}) satisfies fc.Arbitrary<MatchList>;

/** How a term may appear in text: as written, re-cased, pluralized, hashtagged, accented. */
const rewrite = (t: string) =>
  fc.constantFrom(
    t,
    t.toUpperCase(),
    t.toLowerCase(),
    t.charAt(0).toUpperCase() + t.slice(1),
    `${t}s`,
    `#${t.replace(/\s+/g, '')}`,
    `${t}’s`,
    t.normalize('NFD'),
    t.replace(/\s+/g, '   '),
    t.split(/\s+/)[0] ?? t,
    t.split(/\s+/).at(-1) ?? t,
  );

/** Lists and a text built from pool chunks and (rewritten) terms of those lists. */
const scenario = fc.array(list, { minLength: 1, maxLength: 4 }).chain((lists) => {
  const terms = lists.flatMap((l) => [l.title, ...l.characters, ...l.cast, ...l.keywords]).filter((t) => t.length < 60);
  const piece = terms.length
    ? fc.oneof(chunk, fc.constantFrom(...SPACES), fc.constantFrom(...terms).chain(rewrite))
    : fc.oneof(chunk, fc.constantFrom(...SPACES));
  return fc.tuple(fc.constant(lists), fc.array(piece, { maxLength: 25 }).map((p) => p.join('')));
});

/** A few seconds alone; the default 5 s limit is too tight when other suites share the 2 cores. */
const SLOW = 30_000;

const ids = (lists: readonly MatchList[]) => lists.map((l) => lists.indexOf(l));

describe('compileMatcher agrees with the reference matcher', () => {
  it('on generated lists and texts', () => {
    fc.assert(
      fc.property(scenario, ([lists, text]) => {
        const got = compileMatcher(lists).match(text);
        expect(ids(got)).toEqual(ids(referenceMatch(lists, text)));
      }),
      { numRuns: 2500 },
    );
  }, SLOW);

  it('when rare symbols leave the dense table (tiny budget)', () => {
    fc.assert(
      fc.property(scenario, ([lists, text]) => {
        const got = compileWithBudget(lists, 16).match(text);
        expect(ids(got)).toEqual(ids(referenceMatch(lists, text)));
      }),
      { numRuns: 1000 },
    );
  }, SLOW);

  it('on very long texts around very long terms', () => {
    const long = 'na'.repeat(2000);
    const lists: MatchList[] = [{ id: 'x', title: `${long} end`, enabled: true, matchNameParts: true, characters: [], cast: [], keywords: [] }];
    for (const text of [`x ${long} end`, `x ${long}  END.`, `x${long} end`, `${long} ending`]) {
      expect(ids(compileMatcher(lists).match(text))).toEqual(ids(referenceMatch(lists, text)));
    }
  });

  it('gives the same answer on every call (no state leaks between calls)', () => {
    fc.assert(
      fc.property(scenario, fc.array(chunk, { maxLength: 5 }), ([lists, text], others) => {
        const m = compileMatcher(lists);
        const first = ids(m.match(text));
        for (const o of others) m.match(o);
        expect(ids(m.match(text))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  }, SLOW);
});
