/**
 * What a subscribed watchlist hides with: its own terms and the file's, together. Every
 * reader of a list's terms for matching or export goes through `hidingTerms`, so the
 * file's terms count everywhere without ever being written into the user's own.
 */
import { mergeTerms } from './term-text';
import { TERM_GROUPS, type Watchlist, type WatchlistTerms } from './watchlist';

/** The list's own terms followed by its subscription's, per group, without duplicates. */
export function hidingTerms(list: Pick<Watchlist, 'characters' | 'cast' | 'keywords' | 'subscription'>): WatchlistTerms {
  const from = list.subscription?.terms;
  const out = {} as WatchlistTerms;
  for (const group of TERM_GROUPS) out[group] = from ? mergeTerms(list[group], from[group]) : [...list[group]];
  return out;
}

/** The list with its subscription's terms folded into its own (export, a kept copy). */
export function withHidingTerms<T extends Watchlist>(list: T): T {
  return list.subscription ? { ...list, ...hidingTerms(list) } : list;
}
