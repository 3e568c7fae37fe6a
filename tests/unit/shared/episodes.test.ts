import { describe, expect, it } from 'vitest';
import {
  airedUnwatched,
  boundaryOf,
  isBehind,
  isOrdinaryTitle,
  latestAired,
  nextAiring,
  type Episode,
  type ShowLink,
} from '../../../lib/shared/episodes';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** Two seasons of three episodes, one a week from T0; S2E3 airs in the future. */
function fakeLink(): ShowLink {
  const titles = ['Pilot', 'Tape 1, Side B', 'The Smile at the End of the Dock', 'Home', 'Bryce and Chloe', 'Winter Is Coming'];
  const episodes: Episode[] = titles.map((title, k) => ({
    season: k < 3 ? 1 : 2,
    number: (k % 3) + 1,
    title,
    airstamp: new Date(T0 + k * 7 * DAY).toISOString(),
  }));
  return { tvmazeId: 1, episodes, refreshedAt: T0 };
}

describe('episode titles', () => {
  it.each(['Pilot', 'Home', 'The End', 'Chapter One', 'Part Two', 'Episode 5', 'Ozymandias', 'Us', 'The Door'])('%s is ordinary', (t) => {
    expect(isOrdinaryTitle(t)).toBe(true);
  });
  it.each(['Tape 1, Side B', 'The Smile at the End of the Dock', 'Winter Is Coming', 'The Rains of Castamere', 'Bryce and Chloe'])('%s is distinctive', (t) => {
    expect(isOrdinaryTitle(t)).toBe(false);
  });
});

describe('the boundary of a linked list', () => {
  it('is null in the everything mode', () => {
    expect(boundaryOf({ mode: 'everything', progress: { season: 1, episode: 2 }, link: fakeLink() })).toBeNull();
  });

  it('gives the season lengths and the unwatched titles, split by kind', () => {
    const b = boundaryOf({ mode: 'past-progress', progress: { season: 1, episode: 2 }, link: fakeLink() })!;
    expect(b).toMatchObject({ season: 1, episode: 2, counts: [3, 3] });
    expect(b.titles).toEqual(['The Smile at the End of the Dock', 'Bryce and Chloe', 'Winter Is Coming']);
    expect(b.plainTitles).toEqual(['Home']);
  });

  it('starts from nothing watched when there is no progress, and works unlinked', () => {
    expect(boundaryOf({ mode: 'past-progress', progress: null, link: null })).toEqual({ season: 1, episode: 0, counts: [], titles: [], plainTitles: [] });
  });

  it('drops an unwatched title that a watched episode also had', () => {
    const link = fakeLink();
    link.episodes[4]!.title = 'Pilot';
    const b = boundaryOf({ mode: 'past-progress', progress: { season: 1, episode: 1 }, link })!;
    expect(b.plainTitles).toEqual(['Home']);
  });
});

describe('airing', () => {
  const list = { link: fakeLink(), progress: { season: 1, episode: 3 } };
  it('knows what aired past the progress, the latest episode and the next airing', () => {
    const now = T0 + 22 * DAY; // S2E1 (day 21) aired, S2E2 (day 28) not yet
    expect(airedUnwatched(list, now).map((e) => [e.season, e.number])).toEqual([[2, 1]]);
    expect(isBehind(list, now)).toBe(true);
    expect(latestAired(list, now)).toMatchObject({ season: 2, number: 1 });
    expect(nextAiring(list, now)).toBe(T0 + 28 * DAY);
    expect(isBehind({ ...list, progress: { season: 2, episode: 1 } }, now)).toBe(false);
    expect(isBehind(list, T0 + 20 * DAY)).toBe(false);
    expect(nextAiring({ ...list, progress: { season: 2, episode: 3 } }, now)).toBeNull();
  });
});
