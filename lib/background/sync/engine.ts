/**
 * The sync layer: keeps this device's watchlists (IndexedDB, the source of truth) and
 * the copy in `storage.sync` in step. One cycle records local edits in the sync
 * document, merges the remote document if it reads back whole, writes the merged
 * lists to the database (only if no edit came in meanwhile), and writes the result to
 * `storage.sync` within its quotas and write rates. A write that cannot go out now is
 * retried later (an alarm); the edit itself is already safe in the database and in
 * the sync document, so nothing is lost to a rate limit or a dropped write.
 */
import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../../db/schema';
import { getSettings } from '../../db/settings';
import {
  commitSync,
  readSyncRecord,
  saveSyncRecord,
  SyncConflict,
  type SyncProblem,
  type SyncRecord,
} from '../../db/sync-state';
import { listWatchlists } from '../../db/watchlists';
import { planApply, toSynced } from './apply';
import { decodeDoc, encodeDoc, isSyncKey, planWrite, SYNC_QUOTA, type SyncQuota } from './chunks';
import { cleanTombstones } from './cleanup';
import { docLatestStamp, emptyDoc, mergeDocs } from './doc';
import { newClock, observe } from './hlc';
import { createWriteBudget, SYNC_RATE_LIMITS, type RateLimits } from './rate-limit';
import { docView, forgetLateFields, stampLocal, SYNC_FIELD_SET } from './view';
import { fromWireJson, toWireJson } from './wire';

/** The part of `storage.sync` the sync layer uses. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncDeps {
  db: () => Promise<IDBPDatabase<PlotArmorDB>>;
  area: SyncArea;
  /**
   * Runs a database write and publishes the page state after it (the publisher: its mark
   * outlives a worker the browser stops in between, so the next start publishes).
   */
  write: <T>(work: () => Promise<T>) => Promise<T>;
  /** Told after each cycle: the status, and whether the merge changed this device's watchlists. */
  report?: (status: SyncRecord['status'], merged: boolean) => void;
  /** Asks for a run at epoch ms `when` (an alarm that survives the worker); replaces an earlier ask. */
  schedule: (when: number) => void;
  now?: () => number;
  quota?: SyncQuota;
  limits?: RateLimits;
  /** Wait after a local edit before writing, to batch edits (ms). */
  debounceMs?: number;
  random?: () => number;
}

/** How long a half-written remote copy is given to arrive whole before it counts as damaged. */
export const PARTIAL_GRACE_MS = 2 * 60_000;
/** A run every hour anyway, to heal a write the browser dropped. */
export const CHECK_EVERY_MS = 60 * 60_000;
const RETRY_MS = 5 * 60_000;
const MAX_CONFLICT_RETRIES = 5;

function sameItems(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** Creates the sync layer; call `run()` at start and when an alarm fires. */
export function createWatchlistSync(deps: SyncDeps) {
  const now = deps.now ?? Date.now;
  const quota = deps.quota ?? SYNC_QUOTA;
  const budget = createWriteBudget(deps.limits ?? SYNC_RATE_LIMITS);
  const debounceMs = deps.debounceMs ?? 2000;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function freshRecord(): Promise<SyncRecord> {
    return {
      doc: toWireJson(emptyDoc()),
      clock: newClock(deps.random),
      status: { unsynced: [], problem: null, lastSyncedAt: null },
      partialSince: null,
      fieldSet: SYNC_FIELD_SET,
    };
  }

  /** One cycle; returns the epoch ms of the next run it asks for. */
  async function cycle(): Promise<number> {
    const db = await deps.db();
    if (!(await getSettings(db)).syncWatchlists) return now() + CHECK_EVERY_MS;
    for (let attempt = 0; ; attempt++) {
      const at = now();
      const record = (await readSyncRecord(db)) ?? (await freshRecord());
      const stored = fromWireJson(record.doc);
      const remoteItems = await readRemote();
      const remote = await decodeDoc(remoteItems);
      const local = await listWatchlists(db);
      let base = stored.ok ? stored.doc : emptyDoc();
      // A copy from before the episode fields synced holds other devices' values of them, not this one's.
      if ((record.fieldSet ?? 1) < SYNC_FIELD_SET) base = forgetLateFields(base);
      const stamped = stampLocal(base, record.clock, local.map(toSynced), at);
      let doc = stamped.doc;
      let clock = stamped.clock;
      let problem: SyncProblem | null = null;
      let partialSince: number | null = null;
      let push = true;
      let next = at + CHECK_EVERY_MS;
      if (remote.state === 'ok') {
        doc = mergeDocs(doc, remote.doc);
        const latest = docLatestStamp(remote.doc);
        if (latest) clock = observe(clock, latest);
      } else if (remote.state === 'partial') {
        // Another device's write may still be arriving item by item: wait for it.
        partialSince = record.partialSince ?? at;
        if (at - partialSince < PARTIAL_GRACE_MS) {
          push = false;
          next = partialSince + PARTIAL_GRACE_MS;
          problem = record.status.problem;
        } else {
          problem = 'corrupt';
        }
      } else if (remote.state === 'corrupt') {
        problem = 'corrupt';
      } else if (remote.state === 'newer') {
        // Writing would take newer devices' data down to this version's format.
        problem = 'newer';
        push = false;
      }
      // Saved with its lists applied, the document acknowledges its tombstones; those old
      // enough that every device has applied them are removed (see cleanup.ts).
      doc = cleanTombstones(doc, clock.node, at);
      // A device with nothing to add writes nothing: on a new computer, storage.sync may
      // not have received the account's data yet, and an empty copy would replace it.
      // (A copy it read whole may still be replaced: its last tombstones were removed.)
      if (Object.keys(doc.lists).length === 0 && remote.state !== 'ok') push = false;
      const view = docView(doc);
      const encoded = push ? await encodeDoc(doc, quota) : null;
      const titles = new Map(view.map((l) => [l.id, l.title]));
      const unsynced = encoded
        ? encoded.left.flatMap((id) => (titles.has(id) ? [titles.get(id)!] : []))
        : record.status.unsynced;
      const next_record: SyncRecord = {
        doc: toWireJson(doc),
        clock,
        status: { unsynced, problem, lastSyncedAt: record.status.lastSyncedAt },
        partialSince,
        fieldSet: SYNC_FIELD_SET,
      };
      const { puts, deletes } = planApply(local, view, at);
      const merged = puts.length > 0 || deletes.length > 0;
      const commit = () =>
        commitSync(db, {
          expected: new Map(local.map((l) => [l.id, l.updatedAt])),
          puts,
          deletes,
          record: next_record,
        });
      try {
        // Merged lists reach the pages through the publisher, like every other write.
        await (merged ? deps.write(commit) : commit());
      } catch (error) {
        // An edit came in while merging: start over from it (it is not overwritten).
        if (error instanceof SyncConflict && attempt < MAX_CONFLICT_RETRIES) continue;
        throw error;
      }
      const written = encoded ? await write(db, next_record, remoteItems, encoded.items) : next;
      // Another write landed since this cycle read storage.sync: merge it first rather
      // than write over it (storage.sync has no compare-and-set; this narrows the gap).
      if (written === 'stale' && attempt < MAX_CONFLICT_RETRIES) continue;
      const after = written === 'stale' ? at + RETRY_MS : Math.min(next, written);
      deps.report?.((await readSyncRecord(db))?.status ?? next_record.status, merged);
      return after;
    }
  }

  async function readRemote(): Promise<Record<string, unknown>> {
    return Object.fromEntries(Object.entries(await deps.area.get(null)).filter(([key]) => isSyncKey(key)));
  }

  /**
   * Writes what differs; on a refusal, notes why and returns when to try again;
   * 'stale' when storage.sync changed since the cycle read it (nothing written).
   */
  async function write(
    db: IDBPDatabase<PlotArmorDB>,
    record: SyncRecord,
    current: Record<string, unknown>,
    items: Record<string, unknown>,
  ): Promise<number | 'stale'> {
    const { set, remove } = planWrite(current, items);
    const ops = (Object.keys(set).length > 0 ? 1 : 0) + (remove.length > 0 ? 1 : 0);
    const at = now();
    if (ops > 0) {
      if (!sameItems(await readRemote(), current)) return 'stale';
      const slot = budget.nextSlot(at, ops);
      if (slot > at) return slot;
      budget.spend(at, ops);
      try {
        // One `set` for all items: one write operation, and the items land together.
        if (Object.keys(set).length > 0) await deps.area.set(set);
        if (remove.length > 0) await deps.area.remove(remove);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const rate = /WRITE_OPERATIONS_PER_(MINUTE|HOUR)/.exec(message);
        if (rate) return at + (rate[1] === 'HOUR' ? 60 : 1) * 60_000;
        const problem: SyncProblem = /QUOTA_BYTES|MAX_ITEMS|quota/i.test(message) ? 'quota' : 'failed';
        await saveSyncRecord(db, { ...record, status: { ...record.status, problem } });
        return at + RETRY_MS;
      }
    }
    await saveSyncRecord(db, { ...record, status: { ...record.status, lastSyncedAt: at } });
    return at + CHECK_EVERY_MS;
  }

  /** Runs a cycle now, or right after the one in progress. */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          let next: number;
          try {
            next = await cycle();
          } catch {
            next = now() + RETRY_MS;
          }
          deps.schedule(next);
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function soon(ms: number): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  }

  return {
    run,
    /** A watchlist or the sync setting changed here: sync after a short pause (edits batch up). */
    localChanged: () => soon(debounceMs),
    /** `storage.sync` changed (another device, or this one's own write): read it shortly. */
    remoteChanged: () => soon(Math.min(debounceMs, 500)),
    /** Resolves once no run is waiting or in progress (for tests and for the worker's last breath). */
    async idle(): Promise<void> {
      while (timer !== null || running) {
        if (running) await running;
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    /** Stops the pending run, if any. */
    stop(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

export type WatchlistSync = ReturnType<typeof createWatchlistSync>;
