import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../db/schema';
import { getSettings, listPausedSites } from '../db/settings';
import type { Settings } from '../shared/settings';
import { listWatchlists } from '../db/watchlists';
import { pageStateItems } from '../shared/page-state';
import { buildSnapshot } from '../shared/snapshot';
import { storeForms } from '../match/stored-forms';

/** What content scripts read (terms snapshot, paused sites, settings), from the database. */
export async function pageStateFromDb(
  db: IDBPDatabase<PlotArmorDB>,
  now: number,
): Promise<{ settings: Settings; items: Record<string, unknown> }> {
  const [lists, paused, settings] = await Promise.all([
    listWatchlists(db),
    listPausedSites(db),
    getSettings(db),
  ]);
  return { settings, items: pageStateItems(buildSnapshot(lists, now, storeForms), paused, settings) };
}

/**
 * Writes what content scripts read to `storage`; returns the settings it wrote, for
 * the background's own use (the badge), and the items, for Firefox's registered copy
 * (`early-state.ts`).
 */
export async function publishPageState(
  db: IDBPDatabase<PlotArmorDB>,
  storage: { set(items: Record<string, unknown>): Promise<void> },
  now: number,
): Promise<{ settings: Settings; items: Record<string, unknown> }> {
  const state = await pageStateFromDb(db, now);
  await storage.set(state.items);
  return state;
}
