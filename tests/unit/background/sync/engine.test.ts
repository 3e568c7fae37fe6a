import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { chunkKey, decodeDoc, MANIFEST_KEY, SYNC_QUOTA } from '../../../../lib/background/sync/chunks';
import { fromWireJson } from '../../../../lib/background/sync/wire';
import { CHECK_EVERY_MS, createWatchlistSync, PARTIAL_GRACE_MS } from '../../../../lib/background/sync/engine';
import { openPlotArmorDb } from '../../../../lib/db/open';
import type { PlotArmorDB } from '../../../../lib/db/schema';
import { updateSettings } from '../../../../lib/db/settings';
import { readSyncRecord } from '../../../../lib/db/sync-state';
import {
  addTerms,
  createWatchlist,
  deleteWatchlist,
  listWatchlists,
  removeTerms,
  updateWatchlist,
} from '../../../../lib/db/watchlists';
import { createPublisher } from '../../../../lib/background/publisher';
import { listUnpublished } from '../../../../lib/db/unpublished';
import { FakeCloud, type FakeSyncArea } from './fake-sync';

interface Device {
  db: IDBPDatabase<PlotArmorDB>;
  area: FakeSyncArea;
  sync: ReturnType<typeof createWatchlistSync>;
  published: number;
  scheduled: number[];
  /** Runs the scheduled alarm if it is due at the cloud's time. */
  alarm(): Promise<void>;
}

function world(skews: number[] = [0, 0]) {
  let time = 1_700_000_000_000;
  const cloud = new FakeCloud();
  const devices: Device[] = [];
  const make = async (skew: number): Promise<Device> => {
    const now = () => time + skew;
    const db = await openPlotArmorDb(`sync-test-${crypto.randomUUID()}`);
    const area = cloud.area(now);
    const device: Device = {
      db,
      area,
      published: 0,
      scheduled: [],
      sync: createWatchlistSync({
        db: async () => db,
        area,
        write: async (work) => {
          const result = await work();
          device.published++;
          return result;
        },
        schedule: (when) => void device.scheduled.push(when),
        now,
        debounceMs: 0,
      }),
      async alarm() {
        const due = device.scheduled.at(-1);
        if (due !== undefined && due <= now()) await device.sync.run();
      },
    };
    return device;
  };
  return {
    cloud,
    devices,
    async start() {
      for (const skew of skews) devices.push(await make(skew));
      return devices;
    },
    advance(ms: number) {
      time += ms;
    },
    /** Both devices sync and exchange until quiet. */
    async settle() {
      for (let i = 0; i < 3; i++) {
        for (const d of devices) {
          await d.sync.run();
          cloud.deliver();
        }
      }
    },
  };
}

const titles = async (d: Device) => (await listWatchlists(d.db)).map((l) => l.title);
const strip = (lists: Awaited<ReturnType<typeof listWatchlists>>) =>
  lists.map(({ updatedAt: _u, ...rest }) => ({ ...rest, characters: [...rest.characters].sort() }));

describe('syncing watchlists through storage.sync', () => {
  it('writes local edits to storage.sync and merges them into another device', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas Kahnwald'] });
    await a!.sync.run();
    expect(a!.area.items[MANIFEST_KEY]).toBeDefined();
    w.cloud.deliver();
    await b!.sync.run();
    expect(await listWatchlists(b!.db)).toEqual([expect.objectContaining({ id: dark.id, title: 'Dark', characters: ['Jonas Kahnwald'] })]);
    expect(b!.published).toBe(1);
    expect((await readSyncRecord(a!.db))?.status.lastSyncedAt).toBeTypeOf('number');
  });

  it('publishes a merge through the publisher: a worker stopped before publishing leaves the mark for the next start', async () => {
    const w = world();
    const [a, b] = await w.start();
    await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas Kahnwald'] });
    await a!.sync.run();
    w.cloud.deliver();
    // Device b's worker dies right after the merge is saved, before the pages hear of it.
    const dying = createPublisher({ db: async () => b!.db, publish: async () => Promise.reject(new Error('stopped')), owner: 'first-run' });
    const sync = createWatchlistSync({ db: async () => b!.db, area: b!.area, write: dying.write, schedule: () => {}, debounceMs: 0 });
    await sync.run();
    expect(await titles(b!)).toEqual(['Dark']);
    expect(await listUnpublished(b!.db)).toHaveLength(1);
    // The next start publishes what the last one did not.
    let published = 0;
    await createPublisher({ db: async () => b!.db, publish: async () => void published++ }).resume();
    expect(published).toBe(1);
    expect(await listUnpublished(b!.db)).toEqual([]);
  });

  it('keeps both devices’ concurrent edits to different lists and different groups of one list', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas'] });
    await w.settle();
    await addTerms(a!.db, dark.id, 'characters', ['Martha']);
    await createWatchlist(a!.db, { title: 'Lost' });
    await addTerms(b!.db, dark.id, 'characters', ['Mikkel']);
    await addTerms(b!.db, dark.id, 'cast', ['Louis Hofmann']);
    await updateWatchlist(b!.db, dark.id, { enabled: false });
    await createWatchlist(b!.db, { title: 'Severance' });
    // Both write before seeing the other's write.
    await a!.sync.run();
    await b!.sync.run();
    await w.settle();
    const listsA = await listWatchlists(a!.db);
    expect(strip(listsA)).toEqual(strip(await listWatchlists(b!.db)));
    expect(listsA.map((l) => l.title)).toEqual(['Dark', 'Lost', 'Severance']);
    const merged = listsA[0]!;
    expect(new Set(merged.characters)).toEqual(new Set(['Jonas', 'Martha', 'Mikkel']));
    expect(merged.cast).toEqual(['Louis Hofmann']);
    expect(merged.enabled).toBe(false);
  });

  it('carries deletions and term removals, with clocks a day apart', async () => {
    const day = 86_400_000;
    const w = world([0, -day]);
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas', 'Martha'] });
    const lost = await createWatchlist(a!.db, { title: 'Lost' });
    await w.settle();
    // B, its clock a day behind, deletes a list and removes a term; A edits that list meanwhile.
    await deleteWatchlist(b!.db, lost.id);
    await removeTerms(b!.db, dark.id, 'characters', ['Martha']);
    await addTerms(a!.db, lost.id, 'keywords', ['hatch']);
    await b!.sync.run();
    w.cloud.deliver();
    await a!.sync.run();
    await w.settle();
    for (const d of [a!, b!]) {
      expect(await titles(d)).toEqual(['Dark']);
      expect((await listWatchlists(d.db))[0]!.characters).toEqual(['Jonas']);
    }
  });

  it('removes a deleted list’s tombstone once every device has applied the deletion and it is 30 days old', async () => {
    const day = 86_400_000;
    const w = world([0, 0, 0]);
    const [a, b, c] = await w.start();
    const lost = await createWatchlist(a!.db, { title: 'Lost', characters: ['Jack Shephard'] });
    await createWatchlist(a!.db, { title: 'Dark' });
    await w.settle();
    expect(await titles(c!)).toEqual(['Dark', 'Lost']);
    const docOf = async (d: Device) => {
      const read = fromWireJson((await readSyncRecord(d.db))!.doc);
      if (!read.ok) throw new Error('damaged record');
      return read.doc;
    };
    // A deletes the list; C is away and does not sync.
    await deleteWatchlist(a!.db, lost.id);
    const pair = async () => {
      for (let i = 0; i < 3; i++) {
        for (const d of [a!, b!]) {
          await d.sync.run();
          w.cloud.deliver();
        }
      }
    };
    await pair();
    // The tombstone is down to its deleted register at once.
    expect((await docOf(a!)).lists[lost.id]).toEqual({ deleted: expect.objectContaining({ v: true }), fields: {}, terms: { characters: {}, cast: {}, keywords: {} } });
    w.advance(31 * day);
    await pair();
    // C has not applied the deletion, and still holds the list: the tombstone stays.
    expect(Object.keys((await docOf(a!)).lists)).toContain(lost.id);
    expect(await titles(c!)).toEqual(['Dark', 'Lost']);
    // C comes back and applies it; then the tombstone goes, and the list stays deleted everywhere.
    // (A minute between rounds: each device writes within its rate limits.)
    for (let round = 0; round < 4; round++) {
      w.advance(60_000);
      await w.settle();
    }
    for (const d of [a!, b!, c!]) {
      expect(await titles(d)).toEqual(['Dark']);
      expect(Object.keys((await docOf(d)).lists)).not.toContain(lost.id);
    }
    const remote = await decodeDoc(a!.area.items);
    expect(remote.state === 'ok' && Object.keys(remote.doc.lists)).toEqual([expect.any(String)]);
  });

  it('does not sync while the setting is off, and catches up once it is on', async () => {
    const w = world();
    const [a, b] = await w.start();
    await updateSettings(a!.db, { syncWatchlists: false });
    await createWatchlist(a!.db, { title: 'Dark' });
    await a!.sync.run();
    expect(a!.area.items).toEqual({});
    await updateSettings(a!.db, { syncWatchlists: true });
    await w.settle();
    expect(await titles(b!)).toEqual(['Dark']);
  });

  it('never overwrites an edit made while a merge was in progress', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark' });
    await w.settle();
    await addTerms(b!.db, dark.id, 'characters', ['Jonas']);
    await b!.sync.run();
    w.cloud.deliver();
    // The user adds a term on A just as A reads storage.sync.
    let once = true;
    a!.area.onGet = async () => {
      if (!once) return;
      once = false;
      await addTerms(a!.db, dark.id, 'cast', ['Louis Hofmann']);
    };
    await a!.sync.run();
    const list = (await listWatchlists(a!.db))[0]!;
    expect(list.characters).toEqual(['Jonas']);
    expect(list.cast).toEqual(['Louis Hofmann']);
  });

  it('merges a write that lands between reading storage.sync and writing it, instead of writing over it', async () => {
    const w = world();
    const [a, b] = await w.start();
    await createWatchlist(a!.db, { title: 'Dark' });
    await a!.sync.run();
    await createWatchlist(b!.db, { title: 'Lost' });
    let gets = 0;
    b!.area.onGet = async () => {
      // A's write arrives just after B's cycle has read storage.sync.
      if (++gets === 2) w.cloud.deliver();
    };
    await b!.sync.run();
    expect(await titles(b!)).toEqual(['Dark', 'Lost']);
    w.cloud.deliver();
    await a!.sync.run();
    expect(await titles(a!)).toEqual(['Dark', 'Lost']);
  });

  it('stays within the write rates and loses no edit to them', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark' });
    // 150 edits, each followed by a sync, 100 ms apart: far more than 60 writes a minute.
    for (let i = 0; i < 150; i++) {
      await addTerms(a!.db, dark.id, 'keywords', [`clue ${i}`]);
      await a!.sync.run();
      w.advance(100);
    }
    // The fake throws past the real limits; the layer kept under half of them.
    expect(a!.area.writes.length).toBeLessThanOrEqual(60);
    expect(a!.scheduled.at(-1)!).toBeGreaterThan(1_700_000_000_000 + 15_000);
    // Later, the alarm fires and the last edits go out.
    w.advance(120_000);
    await a!.alarm();
    w.cloud.deliver();
    await b!.sync.run();
    expect((await listWatchlists(b!.db))[0]!.keywords).toHaveLength(150);
  }, 60_000);

  it('heals a write the browser lost, at the next check', async () => {
    const w = world();
    const [a, b] = await w.start();
    await createWatchlist(a!.db, { title: 'Dark' });
    a!.area.loseNextWrite = true;
    await a!.sync.run();
    w.cloud.deliver();
    await b!.sync.run();
    expect(await titles(b!)).toEqual([]);
    w.advance(CHECK_EVERY_MS);
    await a!.alarm();
    w.cloud.deliver();
    await b!.sync.run();
    expect(await titles(b!)).toEqual(['Dark']);
  });

  it('waits for a write arriving item by item, in any order, and merges it only once whole', async () => {
    const w = world();
    const [a, b] = await w.start();
    let seed = 3;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const word = () => Array.from({ length: 9 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    await createWatchlist(a!.db, { title: 'Dark', characters: Array.from({ length: 3000 }, word) });
    await a!.sync.run();
    expect(Object.keys(a!.area.items).length).toBeGreaterThan(2);
    // B reads storage.sync on every item that arrives, and never merges half a write.
    const seen: string[][] = [];
    await w.cloud.deliverEach({
      shuffle: random,
      afterItem: async () => {
        await b!.sync.run();
        seen.push(await titles(b!));
      },
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((t) => t.length === 0 || (t.length === 1 && t[0] === 'Dark'))).toBe(true);
    expect(await titles(b!)).toEqual(['Dark']);
    expect((await listWatchlists(b!.db))[0]!.characters).toHaveLength(3000);
    expect((await readSyncRecord(b!.db))?.status.problem).toBeNull();
  });

  it('ignores a damaged remote chunk as a whole, says so, keeps local lists, and heals the copy', async () => {
    const w = world();
    const [a, b] = await w.start();
    await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas'] });
    await createWatchlist(b!.db, { title: 'Lost' });
    await a!.sync.run();
    w.cloud.deliver();
    const chunk = b!.area.items[chunkKey(0)] as string;
    b!.area.items[chunkKey(0)] = chunk.slice(0, 30) + (chunk[30] === 'A' ? 'B' : 'A') + chunk.slice(31);
    await b!.sync.run();
    expect(await titles(b!)).toEqual(['Lost']);
    expect((await readSyncRecord(b!.db))?.status.problem).toBe('corrupt');
    // B wrote its own lists in place of the damaged copy; A merges them and writes both.
    w.cloud.deliver();
    await w.settle();
    expect(await titles(a!)).toEqual(['Dark', 'Lost']);
    expect(await titles(b!)).toEqual(['Dark', 'Lost']);
    expect((await readSyncRecord(b!.db))?.status.problem).toBeNull();
  });

  it('gives a half-written copy time to arrive, then treats it as damaged', async () => {
    const w = world();
    const [a, b] = await w.start();
    await createWatchlist(a!.db, { title: 'Dark' });
    await a!.sync.run();
    w.cloud.queue.length = 0; // the write never reaches B…
    b!.area.items[MANIFEST_KEY] = a!.area.items[MANIFEST_KEY]; // …except its manifest
    await createWatchlist(b!.db, { title: 'Lost' });
    await b!.sync.run();
    expect(b!.area.writes).toEqual([]);
    expect((await readSyncRecord(b!.db))?.status.problem).toBeNull();
    expect(b!.scheduled.at(-1)).toBe(1_700_000_000_000 + PARTIAL_GRACE_MS);
    w.advance(PARTIAL_GRACE_MS);
    await b!.alarm();
    expect((await readSyncRecord(b!.db))?.status.problem).toBe('corrupt');
    expect(await titles(b!)).toEqual(['Lost']);
  });

  it('refuses a copy written by a newer version, without overwriting it', async () => {
    const w = world();
    const [, b] = await w.start();
    b!.area.items = { [MANIFEST_KEY]: { v: 99, h: '0123456789abcdef', n: 1 }, [chunkKey(0)]: 'x' };
    await createWatchlist(b!.db, { title: 'Lost' });
    await b!.sync.run();
    expect((await readSyncRecord(b!.db))?.status.problem).toBe('newer');
    expect(b!.area.writes).toEqual([]);
    expect(await titles(b!)).toEqual(['Lost']);
  });

  it('keeps the newest lists within the quota and names those that are not synced', async () => {
    const w = world();
    const [a, b] = await w.start();
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const word = () => Array.from({ length: 9 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    for (let i = 1; i <= 6; i++) {
      await createWatchlist(a!.db, { title: `Show ${i}`, characters: Array.from({ length: 3000 }, word) });
      w.advance(1000);
      await a!.sync.run();
    }
    const status = (await readSyncRecord(a!.db))!.status;
    expect(status.unsynced.length).toBeGreaterThan(0);
    expect(status.unsynced).not.toContain('Show 6');
    expect(a!.area.bytes()).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
    expect(await titles(a!)).toHaveLength(6); // all kept on this device
    w.cloud.deliver();
    await b!.sync.run();
    const synced = await titles(b!);
    expect(synced).toContain('Show 6');
    expect(synced.length + status.unsynced.length).toBe(6);
  }, 60_000);
});

describe('syncing where the viewer is in a show', () => {
  const episodes = [
    { season: 1, number: 1, title: 'Secrets', airstamp: '2017-12-01T09:00:00+00:00' },
    { season: 1, number: 2, title: 'Lies', airstamp: '2017-12-01T09:00:00+00:00' },
  ];
  const link = { tvmazeId: 17861, episodes, refreshedAt: 1_699_000_000_000 };
  const place = { progress: { season: 1, episode: 2 }, mode: 'past-progress', exceptions: ['Dark Matter'], onlyWhileBehind: true } as const;

  it('carries link, progress, mode, exceptions and only-while-behind to another device', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas'] });
    await w.settle();
    await updateWatchlist(a!.db, dark.id, { link, ...place, exceptions: [...place.exceptions] });
    await w.settle();
    const [onB] = await listWatchlists(b!.db);
    expect(onB).toMatchObject({ ...place, characters: ['Jonas'] });
    // The show's id travels; its episode list is fetched on each device (refreshedAt 0: due now).
    expect(onB!.link).toEqual({ tvmazeId: 17861, episodes: [], refreshedAt: 0 });
    // A list created on A already linked arrives whole, with every field a record has.
    const lost = await createWatchlist(a!.db, { title: 'Lost', link: { ...link, tvmazeId: 123 }, progress: { season: 3, episode: 0 } });
    await w.settle();
    const arrived = (await listWatchlists(b!.db)).find((l) => l.id === lost.id)!;
    expect(arrived).toEqual({ ...lost, link: { tvmazeId: 123, episodes: [], refreshedAt: 0 }, updatedAt: arrived.updatedAt });
  });

  it('keeps a device’s own episode list and its place in the show when another device edits the list', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas'], link, ...place, exceptions: [...place.exceptions] });
    await w.settle();
    // B fetched the episode list itself (as its refresher does); then A renames the list and adds a term.
    await updateWatchlist(b!.db, dark.id, { link });
    await w.settle();
    await updateWatchlist(a!.db, dark.id, { title: 'Dark (2017)' });
    await addTerms(a!.db, dark.id, 'cast', ['Louis Hofmann']);
    await w.settle();
    const [onB] = await listWatchlists(b!.db);
    expect(onB).toMatchObject({ title: 'Dark (2017)', cast: ['Louis Hofmann'], link, ...place });
  });

  it('keeps concurrent edits to progress on one device and exceptions on the other; the later progress wins', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas'] });
    await w.settle();
    await updateWatchlist(a!.db, dark.id, { progress: { season: 1, episode: 4 }, mode: 'past-progress' });
    await updateWatchlist(b!.db, dark.id, { exceptions: ['Dark Matter'] });
    await a!.sync.run();
    await b!.sync.run();
    await w.settle();
    w.advance(1000);
    await updateWatchlist(b!.db, dark.id, { progress: { season: 1, episode: 6 } });
    await w.settle();
    for (const d of [a!, b!]) {
      expect((await listWatchlists(d.db))[0]).toMatchObject({
        progress: { season: 1, episode: 6 },
        mode: 'past-progress',
        exceptions: ['Dark Matter'],
      });
    }
    // Unlinking and clearing progress sync too (back to the defaults).
    await updateWatchlist(a!.db, dark.id, { progress: null, mode: 'everything', exceptions: [] });
    await w.settle();
    expect((await listWatchlists(b!.db))[0]).toMatchObject({ progress: null, mode: 'everything', exceptions: [] });
  });

  it('after an upgrade, a copy that kept other devices’ progress unread does not undo it', async () => {
    const w = world();
    const [a, b] = await w.start();
    const dark = await createWatchlist(a!.db, { title: 'Dark', characters: ['Jonas'] });
    await w.settle();
    await updateWatchlist(a!.db, dark.id, { ...place, exceptions: [...place.exceptions] });
    await w.settle();
    // B as the version before these fields synced left it: the registers in its copy, its
    // own list at the defaults, and a record that does not say which fields it matched.
    const stored = (await b!.db.get('watchlists', dark.id))!;
    await b!.db.put('watchlists', { ...stored, progress: null, mode: 'everything', exceptions: [], onlyWhileBehind: false });
    const { fieldSet: _set, ...old } = (await readSyncRecord(b!.db))!;
    await b!.db.put('sync', old, 'state');
    await w.settle();
    for (const d of [a!, b!]) expect((await listWatchlists(d.db))[0]).toMatchObject(place);
  });
});
