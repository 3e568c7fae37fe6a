/**
 * The spoiler boundary: whether a season/episode marker lies past what the viewer has
 * watched ("watched up to S2E5").
 */
import type { EpisodeBoundary } from '../shared/watchlist';
import { FINALE, WHOLE_SEASON } from './markers';

/**
 * Whether the marker (season, episode) is past the boundary. A finale is the season's
 * last episode (past unless that season is watched to its end, when its length is
 * known); a whole season is past when any episode of it is not watched yet (when its
 * length is unknown, a season the viewer is in counts as not finished).
 */
export function isPastBoundary(season: number, episode: number, b: Pick<EpisodeBoundary, 'season' | 'episode' | 'counts'>): boolean {
  if (season !== b.season) return season > b.season;
  const length = b.counts[season - 1] || Infinity;
  if (episode === FINALE || episode === WHOLE_SEASON) return b.episode < length;
  return episode > b.episode;
}
