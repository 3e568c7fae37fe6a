import { storeForms } from '../match/stored-forms';
import { fitLists } from '../shared/snapshot-budget';
import { buildSnapshot } from '../shared/snapshot';
import type { Watchlist } from '../shared/watchlist';

/**
 * Titles of the active lists the background leaves out of what pages read, because all
 * lists together pass the snapshot's budget: the same rule as the background's, so the
 * options page can name them.
 */
export function listsLeftOffPages(lists: readonly Watchlist[], now: number): string[] {
  return fitLists(buildSnapshot([...lists], now, storeForms).lists).leftOut.map((list) => list.title);
}
