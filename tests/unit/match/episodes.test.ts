import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { findMarkers } from '../../../lib/match/markers';
import { isPastBoundary } from '../../../lib/match/past';
import type { EpisodeBoundary, MatchList } from '../../../lib/shared/watchlist';
import { fakeList } from './fake-list';
import { referenceDecide } from './reference';

const boundary = (overrides: Partial<EpisodeBoundary> = {}): EpisodeBoundary => ({
  season: 2,
  episode: 5,
  counts: [13, 13],
  titles: ['The Smile at the End of the Dock'],
  plainTitles: ['Home'],
  ...overrides,
});

const show = (overrides: Partial<MatchList> = {}): MatchList =>
  fakeList({ title: '13 Reasons Why', characters: ['Clay Jensen', 'Hannah Baker'], keywords: ['tapes'], boundary: boundary(), ...overrides });

const hides = (list: MatchList, text: string): boolean => compileMatcher([list]).match(text).length > 0;

describe('hiding only what lies past the viewer’s episode', () => {
  const list = show();
  it.each([
    'Clay and Tony return in S02E06.',
    'Season 3 of 13 Reasons Why drops in August.',
    'In 13 Reasons Why season three, Clay is a suspect.',
    'The 13 Reasons Why season 2 finale left Clay shaken.',
    'Clay’s storyline in 2x07 is the darkest yet.',
    'Episode 6 of season 2 puts Clay on the stand.',
    'Clay comes Home in the new one.',
    'The Smile at the End of the Dock is the best episode yet.',
    'The smile at the end of the dock: what it means',
    'Hannah Baker, season 4: a look ahead',
  ])('hides: %s', (text) => {
    expect(hides(list, text)).toBe(true);
  });

  it.each([
    'Recap: 13 Reasons Why S02E05, where Clay testifies.',
    'Clay in season 1 was a different person.',
    '13 Reasons Why, Season 2, Episode 3: our review',
    'The tapes were the heart of 13 Reasons Why.',
    'Season 3 of another show starts tonight.',
    'Season’s greetings from the 13 Reasons Why cast!',
    'Clay came home after the premiere party.', // an ordinary title in lower case is just a word
    'Home is where the heart is, season 4 or not.', // an ordinary title without the show
    'Dylan is 3x faster than Clay at 1920x1080.',
    '13 Reasons Why won awards in 2019 and 2020.',
  ])('keeps readable: %s', (text) => {
    expect(hides(list, text)).toBe(false);
  });

  it('hides every mention in the "everything" mode (no boundary)', () => {
    expect(hides(show({ boundary: null }), 'Recap: 13 Reasons Why S02E05.')).toBe(true);
  });

  it('treats a finished season by its length', () => {
    const done = show({ boundary: boundary({ season: 2, episode: 13 }) });
    expect(hides(done, 'The 13 Reasons Why season 2 finale, revisited')).toBe(false);
    expect(hides(done, '13 Reasons Why season 3 finale')).toBe(true);
  });

  it('decides each show by its own boundary in one block', () => {
    const other = fakeList({ title: 'Dark', characters: ['Jonas Kahnwald'], boundary: boundary({ season: 3, episode: 8 }) });
    const matcher = compileMatcher([show(), other]);
    expect(matcher.match('Clay and Jonas: S02E04').map((l) => l.title)).toEqual([]);
    expect(matcher.match('Clay and Jonas: S02E05 vs S03E02').map((l) => l.title)).toEqual(['13 Reasons Why']);
    expect(matcher.match('Clay and Jonas: S03E09').map((l) => l.title)).toEqual(['13 Reasons Why', 'Dark']);
  });
});

describe('exceptions', () => {
  const clay = fakeList({ title: 'Clay Show', characters: ['Clay Jensen'], keywords: ['snow'], exceptions: ['Clay Aiken', 'snow day'] });
  it.each(['Clay Aiken sang the anthem.', 'A snow day closed every school.', 'CLAY AIKEN', 'snow days are fun'])('keeps readable: %s', (text) => {
    expect(hides(clay, text)).toBe(false);
  });
  it.each(['Clay Aiken met Clay Jensen.', 'Snow fell on a snow day.', 'Clay is back.'])('still hides: %s', (text) => {
    expect(hides(clay, text)).toBe(true);
  });
  it('keeps an exception of one list from sparing another', () => {
    const other = fakeList({ title: 'Aiken Story', characters: ['Clay Aiken'] });
    expect(compileMatcher([clay, other]).match('Clay Aiken sang.').map((l) => l.title)).toEqual(['Aiken Story']);
  });
  it('spares a marker inside an exception', () => {
    const list = show({ exceptions: ['Season 3 of Bake Off'] });
    expect(hides(list, 'Clay loved Season 3 of Bake Off.')).toBe(false);
    expect(hides(list, 'Clay loved Season 3 of Bake Off and S03E01.')).toBe(true);
  });
});

describe('explain', () => {
  it('names the term and what lies past the boundary', () => {
    const m = compileMatcher([show(), fakeList({ title: 'Dark', characters: ['Jonas Kahnwald'] })]);
    const reasons = m.explain('Jonas and Clay in S03E02');
    expect(reasons.map((r) => [r.list.title, r.term, r.past])).toEqual([
      ['13 Reasons Why', 'Clay', 'S03E02'],
      ['Dark', 'Jonas', null],
    ]);
    expect(m.explain('nothing here')).toEqual([]);
    // explaining leaves matching as it was
    expect(m.match('Jonas').map((l) => l.title)).toEqual(['Dark']);
  });
});

// Generated lists with boundaries and exceptions, against the brute-force reference.
const WORDS = ['clay', 'Clay', 'jensen', 'Jensen', 'home', 'Home', 'dock', 'snow', 'day', 'season', 'Season', 'episode', 'S02E06', 's1e2', '3x02', '2', '3', 'three', 'finale', "'s", ',', ':', ' ', ' ', ' ', 'é'];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const genList: fc.Arbitrary<MatchList> = fc.record({
  id: fc.constant<string>('x'),
  title: phrase,
  enabled: fc.constant(true),
  matchNameParts: fc.boolean(),
  characters: fc.array(phrase, { maxLength: 2 }),
  cast: fc.constant<string[]>([]),
  keywords: fc.array(phrase, { maxLength: 2 }),
  exceptions: fc.array(phrase, { maxLength: 2 }),
  boundary: fc.option(
    fc.record({
      season: fc.integer({ min: 1, max: 3 }),
      episode: fc.integer({ min: 0, max: 6 }),
      counts: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
      titles: fc.array(phrase, { maxLength: 2 }),
      plainTitles: fc.array(phrase, { maxLength: 2 }),
    }),
  ),
});

describe('the compiled matcher agrees with the reference on boundaries and exceptions', () => {
  it('on generated lists and texts', () => {
    let hidden = 0;
    let kept = 0;
    fc.assert(
      fc.property(fc.array(genList, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), (lists, words) => {
        const text = words.join(' ');
        const flat = findMarkers(text);
        const markers = [];
        for (let k = 0; k < flat.length; k += 4) markers.push({ season: flat[k]!, episode: flat[k + 1]!, start: flat[k + 2]!, end: flat[k + 3]! });
        const expected = referenceDecide(lists, text, markers, (s, e, l) => isPastBoundary(s, e, l.boundary!));
        const got = compileMatcher(lists).match(text);
        if (got.length > 0) hidden++;
        if (expected.length < lists.length) kept++;
        expect(got.map((l) => lists.indexOf(l))).toEqual(expected.map((l) => lists.indexOf(l)));
      }),
      { numRuns: 1500 },
    );
    // The generated cases go both ways.
    expect(hidden).toBeGreaterThan(100);
    expect(kept).toBeGreaterThan(100);
  }, 30_000);
});
