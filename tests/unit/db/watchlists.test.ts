import { describe, expect, it } from 'vitest';
import {
  addTerms,
  createWatchlist,
  deleteWatchlist,
  getWatchlist,
  listWatchlists,
  removeTerms,
  restoreWatchlist,
  updateWatchlist,
  WatchlistError,
} from '../../../lib/db/watchlists';
import { fakeWatchlist } from '../factories';
import { freshDb } from './helpers';

describe('createWatchlist', () => {
  it('fills defaults and normalizes terms', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark', characters: [' Jonas ', 'jonas', '', 'Martha  Nielsen'] });
    expect(list).toMatchObject({
      title: 'Dark',
      enabled: true,
      matchNameParts: true,
      hideUntil: null,
      characters: ['Jonas', 'Martha Nielsen'],
      cast: [],
      keywords: [],
    });
    expect(list.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(list.createdAt).toBe(list.updatedAt);
    expect(await getWatchlist(db, list.id)).toEqual(list);
  });

  it('rejects an empty title', async () => {
    const db = await freshDb();
    const error = await createWatchlist(db, { title: '   ' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WatchlistError);
    expect(error).toMatchObject({ code: 'invalid', problem: { code: 'title-missing' } });
    expect(await listWatchlists(db)).toEqual([]);
  });

  it('rejects a title already used, case-insensitively', async () => {
    const db = await freshDb();
    await createWatchlist(db, { title: 'Dark' });
    const error = await createWatchlist(db, { title: ' DARK ' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WatchlistError);
    expect(error).toMatchObject({ code: 'duplicate-title', problem: { code: 'title-taken', params: ['DARK'] } });
    expect(await listWatchlists(db)).toHaveLength(1);
  });

  it('rejects an invalid hide-until value', async () => {
    const db = await freshDb();
    await expect(createWatchlist(db, { title: 'Dark', hideUntil: Number.NaN })).rejects.toBeInstanceOf(WatchlistError);
  });
});

describe('listWatchlists', () => {
  it('sorts by title, case-insensitively', async () => {
    const db = await freshDb();
    for (const title of ['dark', 'Barry', 'succession', 'Andor']) await createWatchlist(db, { title });
    expect((await listWatchlists(db)).map((l) => l.title)).toEqual(['Andor', 'Barry', 'dark', 'succession']);
  });
});

describe('updateWatchlist', () => {
  it('changes only the given fields', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark', keywords: ['cave'] });
    const updated = await updateWatchlist(db, list.id, { enabled: false, hideUntil: 5000, cast: ['Louis Hofmann'] });
    expect(updated).toEqual({ ...list, enabled: false, hideUntil: 5000, cast: ['Louis Hofmann'], updatedAt: updated.updatedAt });
    expect(await getWatchlist(db, list.id)).toEqual(updated);
  });

  it('renames, keeping the title index in step', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark' });
    await updateWatchlist(db, list.id, { title: 'Dark (Netflix)' });
    await updateWatchlist(db, list.id, { title: 'dark (netflix)' }); // own title, other case: fine
    await createWatchlist(db, { title: 'Dark' }); // the old title is free again
    expect((await listWatchlists(db)).map((l) => l.title)).toEqual(['Dark', 'dark (netflix)']);
  });

  it("refuses another list's title and changes nothing", async () => {
    const db = await freshDb();
    await createWatchlist(db, { title: 'Dark' });
    const list = await createWatchlist(db, { title: 'Andor' });
    await expect(updateWatchlist(db, list.id, { title: 'dark', enabled: false })).rejects.toMatchObject({
      code: 'duplicate-title',
    });
    expect(await getWatchlist(db, list.id)).toEqual(list);
  });

  it('reports a missing watchlist', async () => {
    const db = await freshDb();
    await expect(updateWatchlist(db, 'nope', { enabled: false })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('addTerms / removeTerms', () => {
  it('adds without duplicates and removes case-insensitively', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark', characters: ['Jonas'] });
    expect((await addTerms(db, list.id, 'characters', ['JONAS', ' Martha ', 'Ulrich'])).characters).toEqual([
      'Jonas',
      'Martha',
      'Ulrich',
    ]);
    expect((await removeTerms(db, list.id, 'characters', ['martha', 'Nobody'])).characters).toEqual(['Jonas', 'Ulrich']);
    expect((await getWatchlist(db, list.id))?.characters).toEqual(['Jonas', 'Ulrich']);
  });

  it('reports a missing watchlist', async () => {
    const db = await freshDb();
    await expect(addTerms(db, 'nope', 'cast', ['x'])).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('deleteWatchlist / restoreWatchlist', () => {
  it('returns the deleted list, which restores exactly', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark', characters: ['Jonas'], hideUntil: 99 });
    const deleted = await deleteWatchlist(db, list.id);
    expect(deleted).toEqual(list);
    expect(await listWatchlists(db)).toEqual([]);
    expect(await restoreWatchlist(db, list)).toEqual(list);
    expect(await listWatchlists(db)).toEqual([list]);
  });

  it('returns undefined for a missing list', async () => {
    const db = await freshDb();
    expect(await deleteWatchlist(db, 'nope')).toBeUndefined();
  });

  it('refuses to restore over a title taken in the meantime', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark' });
    await deleteWatchlist(db, list.id);
    await createWatchlist(db, { title: 'DARK' });
    await expect(restoreWatchlist(db, list)).rejects.toMatchObject({ code: 'duplicate-title' });
  });

  it('restores a list made elsewhere (factory record)', async () => {
    const db = await freshDb();
    const list = fakeWatchlist({ title: 'Andor' });
    expect(await restoreWatchlist(db, list)).toEqual(list);
    expect(await getWatchlist(db, list.id)).toEqual(list);
  });
});
