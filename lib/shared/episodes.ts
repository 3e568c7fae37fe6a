/**
 * A watchlist linked to its show's episode list: where the viewer is, which episodes
 * have aired past that, and what the matcher needs to hide only what lies past it.
 */
import type { Episode, EpisodeBoundary, Progress, Watchlist } from './watchlist';

export type { Episode, HideMode, Progress, ShowLink } from './watchlist';

/** Progress of a viewer who has watched nothing yet. */
export const NOTHING_WATCHED: Progress = { season: 1, episode: 0 };

/** Whether episode (season, number) is past `progress`. */
export function isAfter(season: number, number: number, progress: Progress): boolean {
  return season > progress.season || (season === progress.season && number > progress.episode);
}

/** "S2E5" */
export function episodeLabel(p: { season: number; episode?: number; number?: number }): string {
  return `S${p.season}E${p.episode ?? p.number ?? 0}`;
}

const airedAt = (e: Episode): number => (e.airstamp === null ? NaN : Date.parse(e.airstamp));

/** The linked episodes that aired by `now` and that the viewer has not watched, oldest first. */
export function airedUnwatched(list: Pick<Watchlist, 'link' | 'progress'>, now: number): Episode[] {
  const progress = list.progress ?? NOTHING_WATCHED;
  return (list.link?.episodes ?? []).filter((e) => isAfter(e.season, e.number, progress) && airedAt(e) <= now);
}

/** The latest episode aired by `now`, or null. */
export function latestAired(list: Pick<Watchlist, 'link'>, now: number): Episode | null {
  let latest: Episode | null = null;
  for (const e of list.link?.episodes ?? []) if (airedAt(e) <= now && (!latest || isAfter(e.season, e.number, { season: latest.season, episode: latest.number }))) latest = e;
  return latest;
}

/** When the next unwatched episode airs after `now` (epoch ms), or null. */
export function nextAiring(list: Pick<Watchlist, 'link' | 'progress'>, now: number): number | null {
  const progress = list.progress ?? NOTHING_WATCHED;
  let next: number | null = null;
  for (const e of list.link?.episodes ?? []) {
    const at = airedAt(e);
    if (at > now && isAfter(e.season, e.number, progress) && (next === null || at < next)) next = at;
  }
  return next;
}

/**
 * Words that make a title ordinary: function words, and the words of titles like
 * "Chapter One", "Part Two", "The Pilot", "Episode 5".
 */
const PLAIN_WORDS = (): Set<string> =>
  (plainWords ??= new Set(
  ('a an the of in on at to and or but for with from by is are was be it its this that my your his her our their ' +
    'i you he she we they me him us them not no part chapter episode pilot finale premiere one two three four five six ' +
    'seven eight nine ten first second third last new old home end day night').split(' '),
  ));
// Made on first use: the content script imports this module (through the snapshot) and needs none of it.
let plainWords: Set<string> | undefined;

/**
 * Whether an episode title is made of ordinary words ("Pilot", "Home", "The End",
 * "Chapter One"), so that it hides a block only together with the show. A title with
 * two or more other words, ten letters or more, is distinctive and hides on its own.
 */
export function isOrdinaryTitle(title: string): boolean {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const rare = new Set(words.filter((w) => !PLAIN_WORDS().has(w) && !/^\d+$/.test(w)));
  return rare.size < 2 || words.join('').length < 10;
}

/**
 * What the matcher needs of a list in "past my episode" mode: the boundary, the length
 * of each season where linked, and the unwatched titles; null in "everything" mode.
 */
export function boundaryOf(list: Pick<Watchlist, 'mode' | 'progress' | 'link'>): EpisodeBoundary | null {
  if (list.mode !== 'past-progress') return null;
  const progress = list.progress ?? NOTHING_WATCHED;
  const counts: number[] = [];
  const titles = new Set<string>();
  const plainTitles = new Set<string>();
  const watched = new Set<string>();
  for (const e of list.link?.episodes ?? []) {
    if (e.season >= 1 && e.season <= 200) counts[e.season - 1] = Math.max(counts[e.season - 1] ?? 0, e.number);
    const title = e.title.trim();
    if (!title) continue;
    if (!isAfter(e.season, e.number, progress)) watched.add(title.toLowerCase());
    else (isOrdinaryTitle(title) ? plainTitles : titles).add(title);
  }
  for (let k = 0; k < counts.length; k++) counts[k] ??= 0;
  // A title that a watched episode also had ("Pilot" in two series) gives nothing away.
  const unwatched = (set: Set<string>) => [...set].filter((t) => !watched.has(t.toLowerCase()));
  return { season: progress.season, episode: progress.episode, counts, titles: unwatched(titles), plainTitles: unwatched(plainTitles) };
}

/**
 * Whether a list set to hide only while the viewer is behind is behind at `now`: an
 * episode past their progress has aired.
 */
export function isBehind(list: Pick<Watchlist, 'link' | 'progress'>, now: number): boolean {
  return airedUnwatched(list, now).length > 0;
}
