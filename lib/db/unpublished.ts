/**
 * Writes whose page state is not yet published. Each write records a mark in the
 * database before it starts and removes it once the state content scripts read has been
 * rewritten after it. A mark left behind means the background stopped in between (the
 * browser stops an idle MV3 service worker, even in the middle of an import): the next
 * start publishes again, so every write ends with its state on the pages.
 *
 * Marks live in the `settings` store under their own key prefix (no schema change):
 * settings are read by name, so other keys are never taken for settings.
 */
import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from './schema';

type Db = IDBPDatabase<PlotArmorDB>;

const PREFIX = 'unpublished:';
const range = IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);

/** Records that a write is about to happen; returns its mark, for `clearUnpublished`. */
export async function markUnpublished(db: Db, owner: string): Promise<string> {
  const mark = `${PREFIX}${owner}:${crypto.randomUUID()}`;
  await db.put('settings', Date.now(), mark);
  return mark;
}

/** The marks present now (those of earlier background runs among them). */
export async function listUnpublished(db: Db): Promise<string[]> {
  return db.getAllKeys('settings', range);
}

/** Removes marks once the page state has been published after their writes. */
export async function clearUnpublished(db: Db, marks: readonly string[]): Promise<void> {
  if (marks.length === 0) return;
  const tx = db.transaction('settings', 'readwrite');
  await Promise.all([...marks.map((mark) => tx.store.delete(mark)), tx.done]);
}

/** Whether a mark was made by the background run `owner`. */
export function isOwnMark(mark: string, owner: string): boolean {
  return mark.startsWith(`${PREFIX}${owner}:`);
}
