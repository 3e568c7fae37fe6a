/**
 * What the last publish of the page state achieved, kept for the options page: which
 * active lists the pages' copy leaves out, and whether storage refused the copy outright
 * (then pages keep the copy written before). The options page names both in the user's
 * words; the background publishes again at its next start when the copy is out of date.
 *
 * Kept in the `settings` store under its own key (no schema change): settings are read
 * by name, so this key is never taken for one. IndexedDB's room is the origin's, far more
 * than `storage.local`'s, so the report is written even when that area is full.
 */
import type { IDBPDatabase } from 'idb';
import { NO_REPORT, type PublishReport } from '../shared/page-state';
import type { PlotArmorDB } from './schema';

type Db = IDBPDatabase<PlotArmorDB>;

const KEY = 'published';

/** The last report; anything malformed on disk reads as none. */
export async function readPublishReport(db: Db): Promise<PublishReport> {
  const value = (await db.get('settings', KEY)) as Partial<PublishReport> | undefined;
  if (typeof value !== 'object' || value === null) return NO_REPORT;
  const { leftOut, publishedAt, stale } = value;
  return {
    leftOut: Array.isArray(leftOut) ? leftOut.filter((t): t is string => typeof t === 'string') : [],
    publishedAt: typeof publishedAt === 'number' && Number.isFinite(publishedAt) ? publishedAt : null,
    stale: stale === true,
  };
}

/** Replaces the report. */
export async function writePublishReport(db: Db, report: PublishReport): Promise<void> {
  await db.put('settings', report, KEY);
}
