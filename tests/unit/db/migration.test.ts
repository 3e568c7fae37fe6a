import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../../lib/db/schema';
import { getSettings } from '../../../lib/db/settings';
import { createWatchlist, listWatchlists, updateWatchlist, WatchlistError } from '../../../lib/db/watchlists';
import { encodeDoc } from '../../../lib/background/sync/chunks';
import { emptyDoc } from '../../../lib/background/sync/doc';
import { createWatchlistSync } from '../../../lib/background/sync/engine';
import { newClock } from '../../../lib/background/sync/hlc';
import { FIELD_DEFAULTS, stampLocal } from '../../../lib/background/sync/view';
import { toWireJson } from '../../../lib/background/sync/wire';
import { readSyncRecord } from '../../../lib/db/sync-state';
import { freshDb, uniqueDbName } from './helpers';

/** Version-1 records exactly as the version-1 code wrote them. */
const V1_RECORDS = [
  {
    id: 'a',
    title: '13 Reasons Why',
    enabled: true,
    characters: ['Clay Jensen', 'Hannah Baker'],
    cast: ['Dylan Minnette'],
    keywords: ['tapes'],
    createdAt: 1000,
    updatedAt: 2000,
  },
  { id: 'b', title: 'Dark', enabled: false, characters: ['Jonas'], cast: [], keywords: [], createdAt: 3000, updatedAt: 4000 },
  // Version 1 did not enforce unique titles.
  { id: 'c', title: 'dark ', enabled: true, characters: ['Martha'], cast: [], keywords: ['cave'], createdAt: 5000, updatedAt: 6000 },
];

/** Creates a version-1 database by hand, the way the version-1 code did. */
async function createV1Database(name: string): Promise<void> {
  const v1 = await openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('watchlists', { keyPath: 'id' });
    },
  });
  const tx = v1.transaction('watchlists', 'readwrite');
  await Promise.all(V1_RECORDS.map((record) => tx.store.put(record)));
  await tx.done;
  v1.close();
}

/** What the version-4 step adds to every record: it hides exactly what it hid before. */
const EPISODE_FIELDS = { link: null, progress: null, mode: 'everything', exceptions: [], onlyWhileBehind: false };

describe('migration from version 1', () => {
  it('keeps every record and fills the version-2 fields', async () => {
    const name = uniqueDbName();
    await createV1Database(name);
    const db = await freshDb(name);

    expect(db.version).toBe(DB_VERSION);
    const byId = new Map((await listWatchlists(db)).map((list) => [list.id, list]));
    expect(byId.size).toBe(3);
    expect(byId.get('a')).toEqual({ ...V1_RECORDS[0], matchNameParts: true, hideUntil: null, ...EPISODE_FIELDS });
    expect(byId.get('b')).toEqual({ ...V1_RECORDS[1], matchNameParts: true, hideUntil: null, ...EPISODE_FIELDS });
    // The clashing title is renamed, not merged or dropped.
    expect(byId.get('c')).toEqual({ ...V1_RECORDS[2], title: 'dark (2)', matchNameParts: true, hideUntil: null, ...EPISODE_FIELDS });
  });

  it('builds a working unique title index over the old records', async () => {
    const name = uniqueDbName();
    await createV1Database(name);
    const db = await freshDb(name);

    expect(await db.getKeyFromIndex('watchlists', 'by-title-key', '13 reasons why')).toBe('a');
    expect(await db.getKeyFromIndex('watchlists', 'by-title-key', 'dark')).toBe('b');
    expect(await db.getKeyFromIndex('watchlists', 'by-title-key', 'dark (2)')).toBe('c');
    await expect(createWatchlist(db, { title: '13 REASONS WHY' })).rejects.toBeInstanceOf(WatchlistError);
  });

  it('adds the settings and paused-sites stores', async () => {
    const name = uniqueDbName();
    await createV1Database(name);
    const db = await freshDb(name);

    expect([...db.objectStoreNames].sort()).toEqual(['pausedSites', 'settings', 'sync', 'watchlists']);
    expect(await getSettings(db)).toEqual({ blurStrength: 'strong', showBadge: true, syncWatchlists: true });
  });

  it('upgrades an empty version-1 database', async () => {
    const name = uniqueDbName();
    const v1 = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore('watchlists', { keyPath: 'id' }) });
    v1.close();
    const db = await freshDb(name);
    expect(await listWatchlists(db)).toEqual([]);
  });
});

/** Creates a version-2 database by hand, the way the version-2 code did. */
async function createV2Database(name: string): Promise<void> {
  const v2 = await openDB(name, 2, {
    upgrade(db) {
      const lists = db.createObjectStore('watchlists', { keyPath: 'id' });
      lists.createIndex('by-title-key', 'titleKey', { unique: true });
      db.createObjectStore('settings');
      db.createObjectStore('pausedSites', { keyPath: 'host' });
    },
  });
  const tx = v2.transaction(['watchlists', 'settings', 'pausedSites'], 'readwrite');
  await tx.objectStore('watchlists').put({
    ...V1_RECORDS[0], titleKey: '13 reasons why', matchNameParts: false, hideUntil: 99,
  });
  await tx.objectStore('settings').put('light', 'blurStrength');
  await tx.objectStore('pausedSites').put({ host: 'example.com', pausedAt: 5 });
  await tx.done;
  v2.close();
}

describe('migration from version 2', () => {
  it('keeps lists, settings and paused sites, and adds an empty sync store', async () => {
    const name = uniqueDbName();
    await createV2Database(name);
    const db = await freshDb(name);

    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['pausedSites', 'settings', 'sync', 'watchlists']);
    expect(await listWatchlists(db)).toEqual([{ ...V1_RECORDS[0], matchNameParts: false, hideUntil: 99, ...EPISODE_FIELDS }]);
    expect((await getSettings(db)).blurStrength).toBe('light');
    expect(await db.getAllKeys('pausedSites')).toEqual(['example.com']);
    expect(await db.getAllKeys('sync')).toEqual([]);
  });
});

/** Version-2 records exactly as the version-2 code wrote them (with the stored title key). */
const V2_RECORDS = [
  {
    id: 'a', title: '13 Reasons Why', titleKey: '13 reasons why', enabled: true, matchNameParts: false, hideUntil: 1_900_000_000_000,
    characters: ['Clay Jensen'], cast: ['Dylan Minnette'], keywords: ['tapes'], createdAt: 1000, updatedAt: 2000,
  },
  {
    id: 'b', title: 'Dark', titleKey: 'dark', enabled: false, matchNameParts: true, hideUntil: null,
    characters: ['Jonas'], cast: [], keywords: [], createdAt: 3000, updatedAt: 4000,
  },
];

/** Creates a version-2 database by hand, the way the version-2 code did. */
async function createV2DatabaseWithLists(name: string): Promise<void> {
  const v2 = await openDB(name, 2, {
    upgrade(db) {
      db.createObjectStore('watchlists', { keyPath: 'id' }).createIndex('by-title-key', 'titleKey', { unique: true });
      db.createObjectStore('settings');
      db.createObjectStore('pausedSites', { keyPath: 'host' });
    },
  });
  const tx = v2.transaction(['watchlists', 'settings', 'pausedSites'], 'readwrite');
  await Promise.all(V2_RECORDS.map((record) => tx.objectStore('watchlists').put(record)));
  await tx.objectStore('settings').put({ blurStrength: 'light', showBadge: false }, 'settings');
  await tx.objectStore('pausedSites').put({ host: 'example.com', pausedAt: 5 });
  await tx.done;
  v2.close();
}

describe('migration of version-2 watchlists to the episode fields', () => {
  it('keeps every record and field, and adds the episode fields as "hide everything"', async () => {
    const name = uniqueDbName();
    await createV2DatabaseWithLists(name);
    const db = await freshDb(name);

    expect(db.version).toBe(DB_VERSION);
    const lists = await listWatchlists(db);
    expect(lists).toEqual(V2_RECORDS.map(({ titleKey: _key, ...list }) => ({ ...list, ...EPISODE_FIELDS })));
    expect(await db.getKeyFromIndex('watchlists', 'by-title-key', 'dark')).toBe('b');
    expect(await db.getAll('pausedSites')).toEqual([{ host: 'example.com', pausedAt: 5 }]);
  });

  it('lets the upgraded records take progress and exceptions', async () => {
    const name = uniqueDbName();
    await createV2DatabaseWithLists(name);
    const db = await freshDb(name);
    const list = await updateWatchlist(db, 'a', { progress: { season: 2, episode: 5 }, mode: 'past-progress', exceptions: ['Clay Aiken'] });
    expect(list).toMatchObject({ progress: { season: 2, episode: 5 }, mode: 'past-progress', exceptions: ['Clay Aiken'], characters: ['Clay Jensen'] });
    await expect(updateWatchlist(db, 'a', { progress: { season: 0, episode: 1 } })).rejects.toBeInstanceOf(WatchlistError);
  });
});

/**
 * A version-3 database as the version-3 code left it: version-2 lists, and a sync record
 * whose document also holds what another device, already on the episode fields, wrote
 * of list "b" (version 3 kept those registers without reading them).
 */
async function createV3Database(name: string): Promise<{ remote: Record<string, unknown> }> {
  const other = stampLocal(
    emptyDoc(),
    newClock(Math.random, 'bbbbbb'),
    V2_RECORDS.map(({ titleKey: _key, updatedAt: _u, ...list }) => ({
      ...FIELD_DEFAULTS,
      ...list,
      ...(list.id === 'b' ? { progress: { season: 2, episode: 5 }, mode: 'past-progress' as const, exceptions: ['Dark Matter'] } : {}),
    })),
    10_000,
  ).doc;
  const record = {
    doc: toWireJson(other),
    clock: { node: 'aaaaaa', last: '' },
    status: { unsynced: [], problem: null, lastSyncedAt: 10_000 },
    partialSince: null,
  };
  const v3 = await openDB(name, 3, {
    upgrade(db) {
      db.createObjectStore('watchlists', { keyPath: 'id' }).createIndex('by-title-key', 'titleKey', { unique: true });
      db.createObjectStore('settings');
      db.createObjectStore('pausedSites', { keyPath: 'host' });
      db.createObjectStore('sync');
    },
  });
  const tx = v3.transaction(['watchlists', 'sync'], 'readwrite');
  await Promise.all(V2_RECORDS.map((r) => tx.objectStore('watchlists').put(r)));
  await tx.objectStore('sync').put(record, 'state');
  await tx.done;
  v3.close();
  return { remote: (await encodeDoc(other)).items };
}

describe('migration from version 3', () => {
  it('keeps every list and the sync record, and adds the episode fields as "hide everything"', async () => {
    const name = uniqueDbName();
    await createV3Database(name);
    const db = await freshDb(name);

    expect(db.version).toBe(DB_VERSION);
    expect(await listWatchlists(db)).toEqual(V2_RECORDS.map(({ titleKey: _key, ...list }) => ({ ...list, ...EPISODE_FIELDS })));
    const record = await readSyncRecord(db);
    expect(record).toMatchObject({ clock: { node: 'aaaaaa' }, status: { lastSyncedAt: 10_000 } });
    expect(record!.fieldSet).toBeUndefined();
  });

  it('takes, at the first sync, the progress another device wrote, instead of undoing it', async () => {
    const name = uniqueDbName();
    const { remote } = await createV3Database(name);
    const db = await freshDb(name);
    const items: Record<string, unknown> = { ...remote };
    const sync = createWatchlistSync({
      db: async () => db,
      area: {
        get: async () => structuredClone(items),
        set: async (set) => void Object.assign(items, structuredClone(set)),
        remove: async (keys) => keys.forEach((key) => delete items[key]),
      },
      write: (work) => work(),
      schedule: () => {},
      now: () => 20_000,
      debounceMs: 0,
    });
    await sync.run();
    const dark = (await listWatchlists(db)).find((l) => l.id === 'b');
    expect(dark).toMatchObject({ progress: { season: 2, episode: 5 }, mode: 'past-progress', exceptions: ['Dark Matter'] });
    expect((await readSyncRecord(db))!.fieldSet).toBe(2);
  });
});
