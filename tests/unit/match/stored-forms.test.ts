import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { collectOwners } from '../../../lib/match/owners';
import { expandForms, FORMS_VERSION } from '../../../lib/match/stored-forms';
import type { MatchList } from '../../../lib/watchlist/model';
import { fakeList } from './fake-list';

/** The lists as a content script reads them: with their forms, through storage (JSON). */
const stored = (lists: MatchList[]) => JSON.parse(JSON.stringify(lists.map((list) => ({ ...list, forms: expandForms(list) })))) as MatchList[];

const PIECES = ['Jean', '-', 'Luc', ' ', 'Guzmán', 'S.H.I.E.L.D.', 'dr.', 'Who', '13', '#', 'Reasons', 'Why', 'Ø', 'エレン', '’s', '!', '?', 'y', 'box'];
const term = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const list = fc.record({
  id: fc.constant('l'),
  title: term,
  enabled: fc.boolean(),
  matchNameParts: fc.boolean(),
  characters: fc.array(term, { maxLength: 4 }),
  cast: fc.array(term, { maxLength: 2 }),
  keywords: fc.array(term, { maxLength: 3 }),
}) satisfies fc.Arbitrary<MatchList>;

describe('forms stored with the snapshot', () => {
  it('compile to exactly what the lists compile to on their own', () => {
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 3 }), (lists) => {
        expect(collectOwners(stored(lists))).toEqual(collectOwners(lists));
      }),
      { numRuns: 300 },
    );
  });

  it('are ignored when another version stored them, or when they are malformed', () => {
    const show = fakeList({ title: 'Star Trek', characters: ['Jean-Luc Picard'] });
    const wrong = { v: FORMS_VERSION, texts: 'nothing like it', capitals: '0' };
    // Forms of this version are trusted as they are (the background wrote them)…
    expect(compileMatcher([{ ...show, forms: wrong } as MatchList]).match('Picard').length).toBe(0);
    // …those of another version, or malformed ones, are worked out again.
    const malformed = [{ ...wrong, v: FORMS_VERSION + 1 }, { ...wrong, capitals: '00' }, { ...wrong, texts: 'a\n\nb', capitals: '000' }, { ...wrong, texts: ['x'] }, 'x', null];
    for (const forms of malformed) {
      const matcher = compileMatcher([{ ...show, forms } as MatchList]);
      expect(matcher.match('Picard').length).toBe(1);
      expect(matcher.match('nothing like it').length).toBe(0);
    }
  });
});
