/**
 * What the sync layer tells the options page: the background keeps it with the sync
 * state and reports it on `storage.local` after each sync; the options page shows it.
 */

/**
 * What went wrong with sync: the synced copy is damaged (`corrupt`), was written by
 * a newer version (`newer`), the browser refused it for lack of room (`quota`), or
 * writing failed otherwise (`failed`; retried later).
 */
export type SyncProblem = 'corrupt' | 'newer' | 'quota' | 'failed';

/** What the user is told about sync. */
export interface SyncStatus {
  /** Titles of watchlists that do not fit in the browser's sync storage (kept on this device). */
  unsynced: string[];
  /** A problem with the synced copy, or null (the options page words it). */
  problem: SyncProblem | null;
  /** Epoch ms of the last sync that read and wrote the synced copy, or null. */
  lastSyncedAt: number | null;
}

/**
 * The `storage.local` key on which the background reports sync to the options page:
 * `{ status, mergedAt }` (the time of the last merge that changed watchlists).
 */
export const SYNC_REPORT_KEY = 'plotArmor.sync';
