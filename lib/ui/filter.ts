import { foldKey } from '../shared/term-text';
import type { Watchlist } from '../shared/watchlist';

/** Above this many watchlists the popup shows a search box. */
export const SEARCH_THRESHOLD = 8;

/** The lists whose title contains `query` (case-insensitive); all of them for an empty query. */
export function filterLists<T extends Pick<Watchlist, 'title'>>(lists: readonly T[], query: string): readonly T[] {
  const q = foldKey(query);
  return q === '' ? lists : lists.filter((list) => foldKey(list.title).includes(q));
}
