import type { Problem } from './problem';

/**
 * The watchlist model every context shares: the stored shape, its three term groups,
 * and what a new watchlist or a change to one carries.
 */

/** The three term groups, in display order. */
export const TERM_GROUPS = ['characters', 'cast', 'keywords'] as const;

/** The name of a term group. */
export type TermGroup = (typeof TERM_GROUPS)[number];

/** The three groups of terms a watchlist holds. */
export interface WatchlistTerms extends Record<TermGroup, string[]> {
  /** Character names, e.g. "Clay Jensen". */
  characters: string[];
  /** Cast names, e.g. "Dylan Minnette". */
  cast: string[];
  /** Plot keywords, e.g. "tapes". */
  keywords: string[];
}

/** Watched up to and including this episode (episode 0: none of that season yet). */
export interface Progress {
  season: number;
  episode: number;
}

/** One episode of a linked show, as TVmaze lists it. */
export interface Episode {
  season: number;
  number: number;
  title: string;
  /** When it airs or aired (ISO date-time), or null when not announced. */
  airstamp: string | null;
}

/** A watchlist's link to its show on TVmaze. */
export interface ShowLink {
  /** TVmaze's show id. */
  tvmazeId: number;
  /** Regular episodes in airing order (specials, which have no number, are left out). */
  episodes: Episode[];
  /** Epoch ms of the last successful fetch of the episode list. */
  refreshedAt: number;
}

/** Hide every mention of the show, or only what lies past the viewer's episode. */
export type HideMode = 'everything' | 'past-progress';

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
  /** The show on TVmaze and its episode list, or null when not linked. */
  link: ShowLink | null;
  /** How far the viewer has watched, or null when not set (nothing watched). */
  progress: Progress | null;
  /** Hide every mention of the show, or only what lies past `progress`. */
  mode: HideMode;
  /** Phrases that never cause hiding ("Clay Aiken", "snow day"). */
  exceptions: string[];
  /** In the "everything" mode: hide only while an episode past `progress` has aired (needs a link). */
  onlyWhileBehind: boolean;
  /** Set when the list follows a watchlist file on the web (see `subscription.ts`); absent or null otherwise. */
  subscription?: Subscription | null;
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

/**
 * A watchlist's link to a shared watchlist file. The file's terms are kept here, apart
 * from the list's own (`characters`, `cast`, `keywords`: what the user added), so an
 * update replaces them and never touches the user's own terms or settings.
 */
export interface Subscription {
  /** The file's address (https, or http on this computer). */
  url: string;
  /** The title of the list in the file this watchlist follows (the user may rename theirs). */
  source: string;
  /** The file's terms as last fetched: read-only, replaced by each update. */
  terms: WatchlistTerms;
  /** Epoch ms of the last update that fetched the file and applied it. */
  updatedAt: number;
  /** Epoch ms of the last attempt, successful or not. */
  checkedAt: number;
  /** Why the last attempt failed (worded by the options page); null after a success. */
  problem: Problem | null;
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

/**
 * Whether a watchlist hides anything at time `now` (enabled and not past its hide-until
 * date); a snapshot's list may leave `hideUntil` out, which means no end.
 */
export function isActive(list: Pick<Watchlist, 'enabled'> & { hideUntil?: number | null }, now: number): boolean {
  return list.enabled && (list.hideUntil == null || now < list.hideUntil);
}

/** What a new watchlist needs: a title; everything else has a default. */
export interface WatchlistDraft extends Partial<WatchlistTerms> {
  title: string;
  enabled?: boolean;
  matchNameParts?: boolean;
  hideUntil?: number | null;
  link?: ShowLink | null;
  progress?: Progress | null;
  mode?: HideMode;
  exceptions?: string[];
  onlyWhileBehind?: boolean;
}

/** A change to some fields of a watchlist; fields left out stay as they are. */
export type WatchlistPatch = Partial<WatchlistDraft>;
