import type { DBSchema } from 'idb';
import type { Watchlist } from '../shared/watchlist';

/** Current database version; `openPlotArmorDb` upgrades older databases step by step. */
export const DB_VERSION = 4;

/** A watchlist as stored: the public record plus its unique-title key (see `titleKey`). */
export interface StoredWatchlist extends Watchlist {
  /** `titleKey(title)`; backs the unique `by-title-key` index. Never leaves `lib/db/`. */
  titleKey: string;
}

/** A site on which the user paused hiding. */
export interface PausedSite {
  /** Lower-cased host name, e.g. "www.example.com". */
  host: string;
  /** Epoch ms when the pause started. */
  pausedAt: number;
}

/**
 * The IndexedDB schema (version 4).
 *
 * Version history:
 * - 1: `watchlists` (keyPath `id`) holding id, title, enabled, characters, cast, keywords,
 *   createdAt, updatedAt.
 * - 2: watchlists gain `matchNameParts` (default true), `hideUntil` (default null) and a
 *   stored `titleKey` with the unique index `by-title-key`; new stores `settings` and
 *   `pausedSites`.
 * - 3: new store `sync`: the sync document (per-field and per-term stamps, tombstones),
 *   the device's clock and the sync status, under the key `state` (see `sync-state.ts`).
 * - 4: watchlists gain `link` (null), `progress` (null), `mode` ('everything'),
 *   `exceptions` ([]) and `onlyWhileBehind` (false).
 */
export interface PlotArmorDB extends DBSchema {
  watchlists: {
    key: string;
    value: StoredWatchlist;
    indexes: { 'by-title-key': string };
  };
  settings: {
    key: string;
    // Whatever is on disk is validated on read (settings.ts), hence unknown.
    value: unknown;
  };
  pausedSites: {
    key: string;
    value: PausedSite;
  };
  sync: {
    key: string;
    // Validated on read (sync-state.ts), hence unknown.
    value: unknown;
  };
}

/** A version-1 watchlist record, as found on disk before the version-2 upgrade. */
export interface WatchlistV1 {
  id: string;
  title: string;
  enabled: boolean;
  characters: string[];
  cast: string[];
  keywords: string[];
  createdAt: number;
  updatedAt: number;
}

/** A version-2 or -3 watchlist record, as found on disk before the version-4 upgrade. */
export type StoredWatchlistV2 = Omit<StoredWatchlist, 'link' | 'progress' | 'mode' | 'exceptions' | 'onlyWhileBehind'>;
