import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../db/schema';
import { getSettings, listPausedSites } from '../db/settings';
import type { Settings } from '../shared/settings';
import { listWatchlists } from '../db/watchlists';
import { pageStateItems } from '../shared/page-state';
import { buildSnapshot } from '../shared/snapshot';
import { storeForms } from '../match/stored-forms';
import { fitLists, SNAPSHOT_BUDGET } from '../shared/snapshot-budget';

/** What content scripts read, and the active lists too large to be part of it. */
export interface PublishedState {
  settings: Settings;
  items: Record<string, unknown>;
  /** Titles of active lists left out of the snapshot (see `snapshot-budget.ts`). */
  leftOut: string[];
}

/** What content scripts read (terms snapshot, paused sites, settings), from the database. */
export async function pageStateFromDb(
  db: IDBPDatabase<PlotArmorDB>,
  now: number,
  budget = SNAPSHOT_BUDGET,
): Promise<PublishedState> {
  const [lists, paused, settings] = await Promise.all([
    listWatchlists(db),
    listPausedSites(db),
    getSettings(db),
  ]);
  const snapshot = buildSnapshot(lists, now, storeForms);
  const { kept, leftOut } = fitLists(snapshot.lists, budget);
  return {
    settings,
    items: pageStateItems({ ...snapshot, lists: kept }, paused, settings),
    leftOut: leftOut.map((list) => list.title),
  };
}

/**
 * Writes what content scripts read to `storage`; returns it, for the background's own use
 * (the badge, Firefox's registered copy in `early-state.ts`). Should storage still refuse
 * it (its quota is shared), smaller snapshots are tried, down to one without lists, so a
 * full storage area never stops later changes from reaching the pages.
 */
export async function publishPageState(
  db: IDBPDatabase<PlotArmorDB>,
  storage: { set(items: Record<string, unknown>): Promise<void> },
  now: number,
): Promise<PublishedState> {
  let failure: unknown;
  for (const budget of [SNAPSHOT_BUDGET, SNAPSHOT_BUDGET / 8, 0]) {
    const state = await pageStateFromDb(db, now, budget);
    try {
      await storage.set(state.items);
      return state;
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}
