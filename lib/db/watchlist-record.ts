import type { Episode, HideMode, Progress, ShowLink } from '../shared/watchlist';
import type { IDBPObjectStore } from 'idb';
import type { Subscription, TermGroup, Watchlist } from '../shared/watchlist';
import { checkSubscriptionUrl } from '../shared/subscription-url';
import { cleanText, normalizeTerms, titleKey } from '../shared/term-text';
import type { PlotArmorDB, StoredWatchlist } from './schema';
import { WatchlistError } from './watchlist-error';
import { MAX_TERM_LENGTH, MAX_TITLE_LENGTH } from '../shared/limits';
import { isProblem, problem } from '../shared/problem';

/** The readwrite watchlists store of a one-store transaction. */
export type WatchlistStore = IDBPObjectStore<
  PlotArmorDB,
  ['watchlists'],
  'watchlists',
  'readwrite'
>;

/** The record as callers see it: everything but the internal `titleKey`. */
export function toWatchlist(stored: StoredWatchlist): Watchlist {
  const { titleKey: _key, ...list } = stored;
  return list;
}

/** The record to store for `list` (adds `titleKey`). */
export function toStored(list: Watchlist): StoredWatchlist {
  return { ...list, titleKey: titleKey(list.title) };
}

/** A cleaned, non-empty title; throws a `WatchlistError` otherwise. */
export function checkTitle(title: unknown): string {
  const cleaned = typeof title === 'string' ? cleanText(title) : '';
  if (cleaned === '') throw new WatchlistError(problem('title-missing'), 'invalid');
  if (cleaned.length > MAX_TITLE_LENGTH) {
    throw new WatchlistError(problem('title-too-long', MAX_TITLE_LENGTH), 'invalid');
  }
  return cleaned;
}

/** A valid `hideUntil` (finite epoch ms or null); throws a `WatchlistError` otherwise. */
export function checkHideUntil(value: unknown): number | null {
  if (value === null || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new WatchlistError(problem('hide-until-invalid'), 'invalid');
}

/** A boolean flag; throws a `WatchlistError` naming the field otherwise. */
export function checkFlag(value: unknown, field: 'enabled' | 'matchNameParts' | 'onlyWhileBehind'): boolean {
  if (typeof value === 'boolean') return value;
  throw new WatchlistError(problem('flag-invalid', field), 'invalid');
}

/** A normalized term list; throws a `WatchlistError` if it is not a list of strings. */
export function checkTerms(value: unknown, group: TermGroup | 'exceptions'): string[] {
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) {
    const terms = normalizeTerms(value);
    const long = terms.find((term) => term.length > MAX_TERM_LENGTH);
    if (long !== undefined) {
      throw new WatchlistError(problem('name-too-long', MAX_TERM_LENGTH, `${long.slice(0, 40)}…`), 'invalid');
    }
    return terms;
  }
  throw new WatchlistError(problem('terms-not-list', group), 'invalid');
}

/** Rejects `title` if another watchlist (not `ownId`) already uses it. Runs inside `store`'s tx. */
export async function assertTitleFree(
  store: WatchlistStore,
  title: string,
  ownId?: string,
): Promise<void> {
  const owner = await store.index('by-title-key').getKey(titleKey(title));
  if (owner !== undefined && owner !== ownId) {
    throw new WatchlistError(problem('title-taken', title), 'duplicate-title');
  }
}

/** The stored record with `id`, or a `not-found` `WatchlistError`. Runs inside `store`'s tx. */
export async function mustGet(store: WatchlistStore, id: string): Promise<StoredWatchlist> {
  const stored = await store.get(id);
  if (!stored) throw new WatchlistError(problem('list-gone'), 'not-found');
  return stored;
}

/** A valid progress (season ≥ 1, episode ≥ 0, whole numbers) or null; throws a `WatchlistError` otherwise. */
export function checkProgress(value: unknown): Progress | null {
  if (value === null) return null;
  const p = value as Partial<Progress> | undefined;
  if (typeof p === 'object' && Number.isInteger(p.season) && Number.isInteger(p.episode) && p.season! >= 1 && p.episode! >= 0) {
    return { season: p.season!, episode: p.episode! };
  }
  throw new WatchlistError(problem('progress-invalid'), 'invalid');
}

/** A valid mode; throws a `WatchlistError` otherwise. */
export function checkMode(value: unknown): HideMode {
  if (value === 'everything' || value === 'past-progress') return value;
  throw new WatchlistError(problem('mode-invalid'), 'invalid');
}

/** A valid link to TVmaze (a show id and its episodes) or null; throws a `WatchlistError` otherwise. */
export function checkLink(value: unknown): ShowLink | null {
  if (value === null) return null;
  const l = value as Partial<ShowLink> | undefined;
  const ok =
    typeof l === 'object' &&
    Number.isInteger(l.tvmazeId) &&
    typeof l.refreshedAt === 'number' &&
    Array.isArray(l.episodes) &&
    l.episodes.every(
      (e: Partial<Episode>) =>
        typeof e === 'object' && e !== null && Number.isInteger(e.season) && Number.isInteger(e.number) &&
        typeof e.title === 'string' && (e.airstamp === null || typeof e.airstamp === 'string'),
    );
  if (!ok) throw new WatchlistError(problem('link-invalid'), 'invalid');
  return {
    tvmazeId: l.tvmazeId!,
    refreshedAt: l.refreshedAt!,
    episodes: l.episodes!.map((e) => ({ season: e.season, number: e.number, title: e.title, airstamp: e.airstamp })),
  };
}

/** A valid subscription (or null), with its terms held to the same limits; throws a `WatchlistError` otherwise. */
export function checkSubscription(value: Subscription | null | undefined): Subscription | null {
  if (value == null) return null;
  const url = checkSubscriptionUrl(value.url);
  if (!url.ok) throw new WatchlistError(url.error, 'invalid');
  const time = (t: unknown) => (typeof t === 'number' && Number.isFinite(t) ? t : 0);
  return {
    url: url.value.url,
    source: checkTitle(value.source),
    terms: {
      characters: checkTerms(value.terms.characters, 'characters'),
      cast: checkTerms(value.terms.cast, 'cast'),
      keywords: checkTerms(value.terms.keywords, 'keywords'),
    },
    updatedAt: time(value.updatedAt),
    checkedAt: time(value.checkedAt),
    problem: isProblem(value.problem) ? value.problem : null,
  };
}
