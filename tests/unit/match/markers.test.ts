import { describe, expect, it } from 'vitest';
import { FINALE, findMarkers, WHOLE_SEASON } from '../../../lib/match/markers';
import { isPastBoundary } from '../../../lib/match/past';

/** The markers of `text` as [season, episode] pairs, in the order they are given. */
const pairs = (text: string): Array<[number, number]> => {
  const flat = findMarkers(text);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < flat.length; k += 4) {
    out.push([flat[k]!, flat[k + 1]!]);
    expect(flat[k + 2]!).toBeLessThan(flat[k + 3]!);
  }
  return out;
};

describe('episode markers in the forms people write', () => {
  it.each([
    ['S03E02 recap', [3, 2]],
    ['s3e2 is out', [3, 2]],
    ['(S3E2)', [3, 2]],
    ['S3 E2 drops tonight', [3, 2]],
    ['S10E104', [10, 104]],
    ['3x02: "The Tapes"', [3, 2]],
    ['the 2x10 finale', [2, 10]],
    ['Season 3 trailer', [3, WHOLE_SEASON]],
    ['season three is coming', [3, WHOLE_SEASON]],
    ['SEASON 3', [3, WHOLE_SEASON]],
    ['Series 3 of the show', [3, WHOLE_SEASON]],
    ['the third season', [3, WHOLE_SEASON]],
    ['its 3rd season', [3, WHOLE_SEASON]],
    ['Season 2: Episode 7', [2, 7]],
    ['Season 2, Episode 7 recap', [2, 7]],
    ['Episode 7 of season two', [2, 7]],
    ['In season 2 … later, ep. 7 changed it all', [2, 7]],
    ['season 2 episode seven', [2, 7]],
    ['the season 2 finale', [2, FINALE]],
    ['the Season 4 premiere', [4, 1]],
    ['S3 alone', [3, WHOLE_SEASON]],
    ['Season #3', [3, WHOLE_SEASON]],
    ['Season 3 – a look back', [3, WHOLE_SEASON]],
  ] as const)('%s', (text, expected) => {
    expect(pairs(text)).toEqual([expected]);
  });

  it('reads several markers in one block, each episode with its nearest season', () => {
    expect(pairs('Season 1 ended well; season 2, episode 3 did not. Then S04E01.')).toEqual([
      [2, 3],
      [1, WHOLE_SEASON],
      [4, 1],
    ]);
  });

  it.each([
    'It runs 3x faster now',
    'a 3x4 grid of photos',
    'streams at 1920x1080',
    'Season’s greetings from all of us',
    "Season's greetings from all of us",
    'the 2019 season of the league',
    'Season 2019 of the league',
    'the seasoning was perfect',
    'Episode 7 is great', // no season in the block
    'a great episode, seven stars',
    'the series finale',
    'S3-style cars',
    'Audis3 and more',
    'season zero',
    'the first episode',
    'x02 and 3x',
    'Saison 3 est là',
    'seasons change',
  ])('%s: no marker', (text) => {
    expect(pairs(text)).toEqual([]);
  });
});

describe('the boundary', () => {
  const at = (season: number, episode: number, counts: number[] = []) => ({ season, episode, counts });

  it('puts later episodes and seasons past it, earlier ones and the one watched not', () => {
    const b = at(2, 5);
    expect(isPastBoundary(2, 6, b)).toBe(true);
    expect(isPastBoundary(3, 1, b)).toBe(true);
    expect(isPastBoundary(2, 5, b)).toBe(false);
    expect(isPastBoundary(2, 1, b)).toBe(false);
    expect(isPastBoundary(1, 10, b)).toBe(false);
  });

  it('counts a whole season and its finale by how much of it is watched', () => {
    expect(isPastBoundary(2, WHOLE_SEASON, at(2, 5))).toBe(true);
    expect(isPastBoundary(2, FINALE, at(2, 5))).toBe(true);
    expect(isPastBoundary(2, WHOLE_SEASON, at(2, 10, [10, 10]))).toBe(false);
    expect(isPastBoundary(2, FINALE, at(2, 10, [10, 10]))).toBe(false);
    expect(isPastBoundary(2, FINALE, at(2, 9, [10, 10]))).toBe(true);
    expect(isPastBoundary(1, FINALE, at(2, 0))).toBe(false);
    expect(isPastBoundary(1, WHOLE_SEASON, at(2, 0))).toBe(false);
    expect(isPastBoundary(3, WHOLE_SEASON, at(2, 10, [10, 10]))).toBe(true);
  });
});
