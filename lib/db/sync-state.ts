/**
 * The sync layer's own record in the `sync` store: the sync document as this device
 * last agreed with it, the device's clock, and what the user is told about sync.
 * `commitSync` writes merged watchlists and this record in one transaction, and only
 * if no watchlist changed since they were read, so a merge never overwrites an edit
 * made meanwhile and the document never claims a state the lists do not have.
 */
import type { IDBPDatabase } from 'idb';
import type { Watchlist } from '../shared/watchlist';
import type { SyncStatus } from '../shared/sync-status';
import type { PlotArmorDB } from './schema';
import { toStored } from './watchlist-record';

type Db = IDBPDatabase<PlotArmorDB>;

export type { SyncProblem, SyncStatus } from '../shared/sync-status';

const STATE_KEY = 'state';

/** The stored sync record (the document as JSON text, so a damaged record is seen on read). */
export interface SyncRecord {
  /** The wire JSON of the sync document (see lib/background/sync/wire.ts). */
  doc: string;
  /** The device's clock: node id and last stamp. */
  clock: { node: string; last: string };
  status: SyncStatus;
  /** Epoch ms since when the remote copy looked half-written, or null. */
  partialSince: number | null;
  /**
   * Which set of fields `doc` was last matched against (lib/background/sync/view.ts's
   * `SYNC_FIELD_SET`); absent in records of the version before the episode fields synced.
   */
  fieldSet?: number;
}

/** The stored sync record, or null on a fresh install (or when the record is damaged). */
export async function readSyncRecord(db: Db): Promise<SyncRecord | null> {
  const value = (await db.get('sync', STATE_KEY)) as Partial<SyncRecord> | undefined;
  if (
    !value || typeof value.doc !== 'string' || typeof value.clock?.node !== 'string' ||
    typeof value.clock.last !== 'string' || typeof value.status !== 'object' || value.status === null
  ) {
    return null;
  }
  return { partialSince: null, ...value } as SyncRecord;
}

/** Saves the sync record alone (status changes, a write that went out). */
export async function saveSyncRecord(db: Db, record: SyncRecord): Promise<void> {
  await db.put('sync', record, STATE_KEY);
}

/** Thrown by `commitSync` when a watchlist changed after it was read. */
export class SyncConflict extends Error {
  override name = 'SyncConflict';
}

/** Watchlists to write and ids to delete, and what the lists must still be (id → updatedAt). */
export interface SyncCommit {
  expected: ReadonlyMap<string, number>;
  puts: Watchlist[];
  deletes: string[];
  record: SyncRecord;
}

/**
 * Applies a merge: deletes, then puts (titles may move between lists, so lists whose
 * title changes first take a placeholder key the unique index accepts), then saves the
 * record; all in one transaction. Rejects with `SyncConflict`, changing nothing, if the
 * watchlists are not what `expected` says.
 */
export async function commitSync(db: Db, commit: SyncCommit): Promise<void> {
  const tx = db.transaction(['watchlists', 'sync'], 'readwrite');
  const lists = tx.objectStore('watchlists');
  try {
    const now = await lists.getAll();
    const unchanged =
      now.length === commit.expected.size && now.every((l) => commit.expected.get(l.id) === l.updatedAt);
    if (!unchanged) throw new SyncConflict();
    const byId = new Map(now.map((l) => [l.id, l]));
    for (const id of commit.deletes) await lists.delete(id);
    const moving = commit.puts.filter((l) => byId.has(l.id) && byId.get(l.id)!.title !== l.title);
    for (const list of moving) await lists.put({ ...toStored(list), titleKey: `\u0000${list.id}` });
    for (const list of commit.puts) await lists.put(toStored(list));
    await tx.objectStore('sync').put(commit.record, STATE_KEY);
    await tx.done;
  } catch (error) {
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}
