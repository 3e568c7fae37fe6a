import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../../lib/db/schema';
import { createWatchlist, getWatchlist } from '../../../lib/db/watchlists';
import { freshDb, uniqueDbName } from './helpers';

describe('schema', () => {
  it('creates every store and the unique title index at the current version', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['pausedSites', 'settings', 'sync', 'watchlists']);
    const tx = db.transaction('watchlists');
    expect(tx.store.keyPath).toBe('id');
    const index = tx.store.index('by-title-key');
    expect(index.keyPath).toBe('titleKey');
    expect(index.unique).toBe(true);
    await tx.done;
    expect(db.transaction('pausedSites').store.keyPath).toBe('host');
  });

  it('stores the title key in the record but never returns it', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: '  13 Reasons  WHY ' });
    expect(list.title).toBe('13 Reasons WHY');
    expect(list).not.toHaveProperty('titleKey');
    expect(await getWatchlist(db, list.id)).not.toHaveProperty('titleKey');
    const raw = await db.get('watchlists', list.id);
    expect(raw?.titleKey).toBe('13 reasons why');
    expect(await db.getKeyFromIndex('watchlists', 'by-title-key', '13 reasons why')).toBe(list.id);
  });

  it('keeps data across close and reopen', async () => {
    const name = uniqueDbName();
    const db = await freshDb(name);
    const list = await createWatchlist(db, { title: 'Dark', characters: ['Jonas'] });
    db.close();
    const again = await freshDb(name);
    expect(await getWatchlist(again, list.id)).toEqual(list);
  });

  it('refuses to open a database from a newer version without touching it', async () => {
    const name = uniqueDbName();
    const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('future') });
    newer.close();
    await expect(freshDb(name)).rejects.toThrow();
  });
});
