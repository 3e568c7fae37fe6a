import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../db/schema';
import { getSettings, listPausedSites, type Settings } from '../db/settings';
import { listWatchlists } from '../db/watchlists';
import { pageStateItems } from '../page-state';
import { buildSnapshot } from '../watchlist/snapshot';

/**
 * Writes what content scripts read (terms snapshot, paused sites, settings) from the
 * database; returns the settings it wrote, for the background's own use (the badge).
 */
export async function publishPageState(
  db: IDBPDatabase<PlotArmorDB>,
  storage: { set(items: Record<string, unknown>): Promise<void> },
  now: number,
): Promise<Settings> {
  const [lists, paused, settings] = await Promise.all([
    listWatchlists(db),
    listPausedSites(db),
    getSettings(db),
  ]);
  await storage.set(pageStateItems(buildSnapshot(lists, now), paused, settings));
  return settings;
}
