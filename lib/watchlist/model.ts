/** The three groups of terms a watchlist holds. */
export interface WatchlistTerms {
  /** Character names, e.g. "Clay Jensen". */
  characters: string[];
  /** Cast names, e.g. "Dylan Minnette". */
  cast: string[];
  /** Plot keywords, e.g. "tapes". */
  keywords: string[];
}

/** A watchlist as the database stores it. */
export interface Watchlist extends WatchlistTerms {
  /** Stable id (random UUID), never shown to the user. */
  id: string;
  /** The show's title; unique among watchlists, compared case-insensitively. */
  title: string;
  /** A disabled watchlist hides nothing. */
  enabled: boolean;
  /** Whether a two-word name also matches by its first name or surname alone. */
  matchNameParts: boolean;
  /** Epoch ms: the watchlist hides until then and stops on its own afterwards; null = no end. */
  hideUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * What a list hiding only what lies past the viewer's episode gives the matcher: the
 * boundary and the titles of the episodes not watched yet.
 */
export interface EpisodeBoundary {
  /** Watched up to and including this season's `episode` (0: none of this season yet). */
  season: number;
  episode: number;
  /** Episodes per season where known (index season − 1; 0 unknown): finales, finished seasons. */
  counts: number[];
  /** Unwatched episode titles distinctive enough to hide a block on their own. */
  titles: string[];
  /** Unwatched episode titles of ordinary words: they hide only with the show, written with a capital. */
  plainTitles: string[];
}

/** What the matcher needs to know of a watchlist. */
export type MatchList = Pick<
  Watchlist,
  'id' | 'title' | 'enabled' | 'matchNameParts' | 'characters' | 'cast' | 'keywords'
> & {
  /** Set: hide only what names the show and lies past this boundary. Absent: hide every mention. */
  boundary?: EpisodeBoundary | null;
  /** Phrases that never cause hiding: a term found inside one does not count. */
  exceptions?: string[];
};

/** Whether a watchlist hides anything at time `now` (enabled and not past its hide-until date). */
export function isActive(list: Pick<Watchlist, 'enabled' | 'hideUntil'>, now: number): boolean {
  return list.enabled && (list.hideUntil === null || now < list.hideUntil);
}
