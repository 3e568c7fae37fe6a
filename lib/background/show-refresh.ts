/**
 * Keeps the episode lists of linked watchlists fresh: about once a day (an alarm), each
 * linked show whose list is older than a day is fetched again from TVmaze, so newly
 * announced episodes and air dates reach the boundary and the "New: S2E6" notice.
 * Scanning never waits on it: pages read the snapshot, which is rewritten after a refresh.
 * TVmaze's rate limit (HTTP 429) stops the round and retries later, waiting longer each time.
 */
import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../db/schema';
import { listWatchlists, updateWatchlist } from '../db/watchlists';
import { TvmazeError, type TvmazeClient } from '../tvmaze/client';

/** The daily alarm. */
export const REFRESH_ALARM = 'plot-armor:refresh-shows';
/** The one-off alarm after a rate-limited round. */
export const RETRY_ALARM = 'plot-armor:refresh-shows-retry';
/** A show's list is fetched again once it is this old (a little under a day, so a daily alarm always finds it due). */
export const REFRESH_AFTER_MS = 20 * 60 * 60 * 1000;
/** The longest wait between retries after a 429, in minutes. */
const MAX_RETRY_MINUTES = 60;

/** The part of `browser.alarms` used. */
export interface AlarmsApi {
  create(name: string, info: { periodInMinutes?: number; delayInMinutes?: number }): unknown;
  onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
}

export interface ShowRefreshDeps {
  db: () => Promise<IDBPDatabase<PlotArmorDB>>;
  client: Pick<TvmazeClient, 'episodesOf'>;
  publish: () => Promise<void>;
  alarms: AlarmsApi | null;
  now?: () => number;
}

/** The outcome of one round. */
export interface RefreshRound {
  refreshed: number;
  /** Set when the round stopped early: rate-limited, offline, or a malformed answer. */
  error: TvmazeError['kind'] | null;
  /** Minutes until the retry, after a 429. */
  retryIn: number | null;
}

/** Creates the refresher: `listen` once per background start, `schedule` at install and browser start (alarms persist). */
export function createShowRefresh(deps: ShowRefreshDeps) {
  const now = deps.now ?? Date.now;
  let rateLimited = 0; // rounds in a row that met a 429

  const oneRound = async (): Promise<RefreshRound> => {
    const db = await deps.db();
    const due = (await listWatchlists(db)).filter((l) => l.link && now() - l.link.refreshedAt >= REFRESH_AFTER_MS);
    let refreshed = 0;
    for (const list of due) {
      let episodes;
      try {
        episodes = await deps.client.episodesOf(list.link!.tvmazeId);
      } catch (error) {
        if (refreshed > 0) await deps.publish();
        if (error instanceof TvmazeError && error.kind === 'status' && error.status === 429) {
          rateLimited++;
          const retryIn = Math.min(MAX_RETRY_MINUTES, 2 ** rateLimited);
          deps.alarms?.create(RETRY_ALARM, { delayInMinutes: retryIn });
          return { refreshed, error: 'status', retryIn };
        }
        // Offline or a malformed answer: the stored list stays; the next daily round tries again.
        return { refreshed, error: error instanceof TvmazeError ? error.kind : 'offline', retryIn: null };
      }
      await updateWatchlist(db, list.id, { link: { tvmazeId: list.link!.tvmazeId, episodes, refreshedAt: now() } });
      refreshed++;
    }
    rateLimited = 0;
    if (refreshed > 0) await deps.publish();
    return { refreshed, error: null, retryIn: null };
  };

  let round: Promise<RefreshRound> | null = null;
  /** Fetches the episode lists that are due; a call during a round joins it (no show is fetched twice). */
  const refreshDue = (): Promise<RefreshRound> =>
    (round ??= oneRound().finally(() => {
      round = null;
    }));

  return {
    refreshDue,
    /** Sets the daily alarm (its first round a minute from now, to catch up after a browser start). */
    schedule(): void {
      deps.alarms?.create(REFRESH_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
    },
    listen(): void {
      deps.alarms?.onAlarm.addListener((alarm) => {
        if (alarm.name === REFRESH_ALARM || alarm.name === RETRY_ALARM) void refreshDue().catch(() => {});
      });
    },
  };
}
