/**
 * What the popup and the options page show about a viewer's progress in a linked show:
 * the episodes to pick from, the newest aired one, the first aired one not watched.
 */
import { airedUnwatched, episodeLabel, latestAired, NOTHING_WATCHED } from '../shared/episodes';
import type { Episode, Progress, Watchlist } from '../shared/watchlist';

/** A choice of the progress picker: its value ("2:5"), and the episode it stands for (null: nothing watched). */
export interface ProgressChoice {
  value: string;
  episode: Episode | null;
}

/** The value of `progress` in the picker ("0:0" for nothing watched). */
export function progressValue(progress: Progress | null): string {
  return progress ? `${progress.season}:${progress.episode}` : '0:0';
}

/** The progress a picker value stands for. */
export function progressOf(value: string): Progress | null {
  const [season, episode] = value.split(':').map(Number);
  return season && season >= 1 ? { season, episode: episode ?? 0 } : null;
}

/** "S2E5 · The Chalk Machine" */
export function episodeText(e: Episode): string {
  return e.title ? `${episodeLabel(e)} · ${e.title}` : episodeLabel(e);
}

/** What the progress line shows for a list at `now`. */
export function progressState(list: Pick<Watchlist, 'link' | 'progress'>, now: number) {
  const aired = airedUnwatched(list, now);
  const latest = latestAired(list, now);
  return {
    /** The first aired episode past the progress ("New: S2E6 — watched it?"), or null. */
    next: aired[0] ?? null,
    /** The newest aired episode, when the viewer has not watched it. */
    latest: aired.length > 0 ? latest : null,
    progress: list.progress ?? NOTHING_WATCHED,
  };
}

/** The progress after watching `e`. */
export function progressAfter(e: Episode): Progress {
  return { season: e.season, episode: e.number };
}
