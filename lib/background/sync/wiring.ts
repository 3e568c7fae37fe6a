/**
 * Connects the sync layer to the extension API: `storage.sync` as its store, an alarm
 * for retries and the hourly check, and `storage.onChanged` for other devices' writes.
 */
import type { browser } from 'wxt/browser';
import { isSyncKey } from './chunks';
import { createWatchlistSync, type SyncDeps, type WatchlistSync } from './engine';

import { SYNC_REPORT_KEY } from '../../shared/sync-status';

/** The alarm that runs the sync layer again. */
export const SYNC_ALARM = 'watchlist-sync';

/** Starts syncing watchlists; returns the layer (tell it `localChanged()` after each edit). */
export function startWatchlistSync(
  api: typeof browser,
  deps: Pick<SyncDeps, 'db' | 'write'>,
): WatchlistSync | null {
  const area = api.storage.sync;
  if (!area || !api.alarms) return null;
  let mergedAt: number | null = null;
  const sync = createWatchlistSync({
    ...deps,
    report: (status, merged) => {
      if (merged) mergedAt = Date.now();
      void api.storage.local.set({ [SYNC_REPORT_KEY]: { status, mergedAt } }).catch(() => {});
    },
    area: area as unknown as SyncDeps['area'],
    // Alarms fire no sooner than 30 s in Chrome; an earlier ask waits that long.
    schedule: (when) => void api.alarms.create(SYNC_ALARM, { when: Math.max(when, Date.now() + 1000) }),
  });
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.run();
  });
  api.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync' && Object.keys(changes).some(isSyncKey)) sync.remoteChanged();
  });
  void sync.run();
  return sync;
}
