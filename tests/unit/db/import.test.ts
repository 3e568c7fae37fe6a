import { describe, expect, it, vi } from 'vitest';
import { parseWatchlistFile, serializeWatchlists } from '../../../lib/format/watchlist-file';
import { createWatchlist, importWatchlists, listWatchlists, WatchlistError } from '../../../lib/db/watchlists';
import { fakeImported } from '../factories';
import { freshDb } from './helpers';

describe('importWatchlists', () => {
  it('merges exceptions, and fills a link and progress only where the stored list has none', async () => {
    const db = await freshDb();
    await createWatchlist(db, { title: 'Dark', exceptions: ['snow day'], progress: { season: 1, episode: 3 } });
    const link = { tvmazeId: 17861, refreshedAt: 0, episodes: [{ season: 1, number: 1, title: 'Secrets', airstamp: null }] };
    await importWatchlists(db, [fakeImported({ title: 'Dark', exceptions: ['Snow Day', 'Clay Aiken'], progress: { season: 3, episode: 1 }, link, mode: 'past-progress' })]);
    const [dark] = await listWatchlists(db);
    expect(dark).toMatchObject({ exceptions: ['snow day', 'Clay Aiken'], progress: { season: 1, episode: 3 }, link, mode: 'everything' });
  });

  it('adds new lists with their settings', async () => {
    const db = await freshDb();
    const dark = fakeImported({ title: 'Dark', enabled: false, hideUntil: 5000, characters: ['Jonas'] });
    expect(await importWatchlists(db, [dark, fakeImported({ title: 'Andor' })])).toEqual({ added: 2, merged: 0 });
    const lists = await listWatchlists(db);
    expect(lists.map((l) => l.title)).toEqual(['Andor', 'Dark']);
    expect(lists[1]).toMatchObject(dark);
  });

  it('merges into an existing list by title, case-insensitively, de-duplicating terms', async () => {
    const db = await freshDb();
    const existing = await createWatchlist(db, { title: 'Dark', characters: ['Jonas', 'Martha'], keywords: ['cave'] });
    const result = await importWatchlists(db, [
      fakeImported({ title: ' DARK ', enabled: false, characters: ['martha', 'Ulrich'], cast: ['Louis Hofmann'] }),
      fakeImported({ title: 'Andor' }),
    ]);
    expect(result).toEqual({ added: 1, merged: 1 });
    const [andor, dark] = await listWatchlists(db);
    expect(andor?.title).toBe('Andor');
    expect(dark).toMatchObject({
      id: existing.id,
      title: 'Dark', // the stored spelling and settings are kept
      enabled: true,
      characters: ['Jonas', 'Martha', 'Ulrich'],
      cast: ['Louis Hofmann'],
      keywords: ['cave'],
    });
  });

  it('is idempotent: importing the same file twice changes nothing the second time', async () => {
    const db = await freshDb();
    const lists = [fakeImported({ title: 'Dark', characters: ['Jonas'] })];
    await importWatchlists(db, lists);
    const before = await listWatchlists(db);
    expect(await importWatchlists(db, lists)).toEqual({ added: 0, merged: 1 });
    expect(await listWatchlists(db)).toEqual(before);
  });

  it('merges duplicate titles within one import into the list it adds', async () => {
    const db = await freshDb();
    const result = await importWatchlists(db, [
      fakeImported({ title: 'Dark', characters: ['Jonas'] }),
      fakeImported({ title: 'dark', characters: ['Martha'] }),
    ]);
    expect(result).toEqual({ added: 1, merged: 0 });
    expect((await listWatchlists(db))[0]?.characters).toEqual(['Jonas', 'Martha']);
  });

  it('changes nothing when an entry fails after others were written (one transaction)', async () => {
    const db = await freshDb();
    await createWatchlist(db, { title: 'Dark', characters: ['Jonas'] });
    const before = await listWatchlists(db);
    const error = await importWatchlists(db, [
      fakeImported({ title: 'Andor', cast: ['Diego Luna'] }), // would be added
      fakeImported({ title: 'Dark', characters: ['Martha'] }), // would be merged
      fakeImported({ title: '   ' }), // invalid: aborts the transaction
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WatchlistError);
    expect(await listWatchlists(db)).toEqual(before);
  });

  it('changes nothing when the database refuses a write mid-import', async () => {
    const db = await freshDb();
    await createWatchlist(db, { title: 'Dark' });
    const before = await listWatchlists(db);
    // Two new lists get the same id: the second add fails (ConstraintError) after the first
    // add and the merge into "Dark" were already written in the transaction.
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('0000-0000-0000-0000-same');
    const result = importWatchlists(db, [
      fakeImported({ title: 'Andor' }),
      fakeImported({ title: 'Dark', keywords: ['cave'] }),
      fakeImported({ title: 'Severance' }),
    ]);
    await expect(result).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await listWatchlists(db)).toEqual(before);
  });

  it('imports a parsed file and exports it back unchanged (lossless round trip)', async () => {
    const db = await freshDb();
    await importWatchlists(db, [
      fakeImported({ title: 'Dark', enabled: false, matchNameParts: false, hideUntil: 1_893_456_000_123, characters: ['Jonas'] }),
      fakeImported({ title: 'Andor', cast: ['Diego Luna'], keywords: ['Ferrix'] }),
    ]);
    const exported = serializeWatchlists(await listWatchlists(db));
    const parsed = parseWatchlistFile(exported);
    if (!parsed.ok) throw new Error(parsed.error.code);

    const other = await freshDb();
    expect(await importWatchlists(other, parsed.watchlists)).toEqual({ added: 2, merged: 0 });
    expect(serializeWatchlists(await listWatchlists(other))).toBe(exported);
  });

  it('issues its writes together, without a round trip to the database per list', async () => {
    const db = await freshDb();
    await createWatchlist(db, { title: 'Show 7', characters: ['Seven'] });
    // What a request costs in a browser is its round trip; count the requests that were
    // waited for before the next one was made (reads answered before the writes began).
    const pending = new Set<IDBRequest>();
    let waits = 0;
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, (...args: unknown[]) => IDBRequest>[]) {
      for (const method of ['get', 'getKey', 'getAll', 'add', 'put']) {
        const original = proto[method];
        if (!original) continue;
        vi.spyOn(proto, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
          if (pending.size === 0) waits += 1;
          const request = original.apply(this, args);
          pending.add(request);
          request.addEventListener('success', () => pending.delete(request));
          return request;
        });
      }
    }
    const lists = Array.from({ length: 500 }, (_, i) => fakeImported({ title: `Show ${i}`, characters: [`Person ${i}`] }));
    expect(await importWatchlists(db, lists)).toEqual({ added: 499, merged: 1 });
    vi.restoreAllMocks();
    expect(waits).toBeLessThanOrEqual(3);
    const stored = await listWatchlists(db);
    expect(stored).toHaveLength(500);
    expect(stored.find((l) => l.title === 'Show 7')?.characters).toEqual(['Seven', 'Person 7']);
  });
});
