/**
 * Saved pages with a list hiding only what lies past the viewer's episode (13 Reasons
 * Why watched up to S2E13, the end of season 2 when linked; S2E5 on the recap page),
 * with exceptions: exactly the elements marked `data-expect="hidden"` are hidden.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { englishWords } from '../../support/catalogue';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileMatcher } from '../../../lib/match/compile';
import { createScanner } from '../../../lib/scan/scanner';
import { boundaryOf } from '../../../lib/shared/episodes';
import type { Episode, MatchList, Progress } from '../../../lib/shared/watchlist';

const EPISODES: Episode[] = (JSON.parse(readFileSync(resolve('tests/fixtures/tvmaze/shows-22036-episodes.json'), 'utf8')) as Array<Record<string, unknown>>).map(
  (e) => ({ season: e.season as number, number: e.number as number, title: e.name as string, airstamp: e.airstamp as string }),
);

function show(progress: Progress): MatchList {
  return {
    id: '13rw',
    title: '13 Reasons Why',
    enabled: true,
    matchNameParts: true,
    characters: ['Clay Jensen', 'Hannah Baker', 'Tony Padilla'],
    cast: [],
    keywords: ['tapes', 'snow'],
    exceptions: ['Clay Aiken', 'snow day'],
    boundary: boundaryOf({ mode: 'past-progress', progress, link: { tvmazeId: 22036, episodes: EPISODES, refreshedAt: 0 } }),
  };
}

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
});

function load(file: string, list: MatchList): void {
  const html = readFileSync(resolve('tests/fixtures/pages', file), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  createScanner({ words: englishWords, doc: document, signal: controller.signal }).setMatcher(compileMatcher([list]));
}

const ids = (attribute: string, value: string) =>
  [...document.querySelectorAll(`[${attribute}="${value}"]`)].map((el) => el.id).sort();

describe('a list hiding only what lies past the viewer’s episode', () => {
  it('keeps the recap of a watched episode readable, hides the preview of the next, spares exceptions', () => {
    load('episodes-recap.html', show({ season: 2, episode: 5 }));
    expect(ids('data-expect', 'hidden').length).toBe(3);
    expect(ids('data-plot-armor', 'hidden')).toEqual(ids('data-expect', 'hidden'));
    // Without its exception, the Clay Aiken paragraph would be hidden (a name part and season 3).
    load('episodes-recap.html', { ...show({ season: 2, episode: 5 }), exceptions: [] });
    expect(ids('data-plot-armor', 'hidden')).toEqual([...ids('data-expect', 'hidden'), 'exception'].sort());
  });

  it('hides on a season ranking page only the seasons past the boundary', () => {
    load('episodes-ranking.html', show({ season: 2, episode: 13 }));
    expect(ids('data-plot-armor', 'hidden')).toEqual(ids('data-expect', 'hidden'));
    // Mid-season, season two is not over: it lies past the boundary too.
    load('episodes-ranking.html', show({ season: 2, episode: 5 }));
    expect(ids('data-plot-armor', 'hidden')).toEqual(['rank-2', 'rank-3', 'rank-4']);
  });

  it('hides every mention in the "everything" mode', () => {
    load('episodes-ranking.html', { ...show({ season: 2, episode: 13 }), boundary: null, exceptions: [] });
    expect(ids('data-plot-armor', 'hidden')).toEqual(['headline', 'rank-1', 'rank-2', 'rank-3', 'rank-4', 'snow']);
  });
});
