import { describe, expect, it } from 'vitest';
import { addTerms, createWatchlist, getWatchlist, removeTerms, updateWatchlist } from '../../../lib/db/watchlists';
import { freshDb } from './helpers';

describe('concurrent edits', () => {
  it('keeps both of two concurrent patches to different fields', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark' });
    await Promise.all([
      updateWatchlist(db, list.id, { enabled: false }),
      updateWatchlist(db, list.id, { keywords: ['cave'] }),
      updateWatchlist(db, list.id, { hideUntil: 1234 }),
    ]);
    expect(await getWatchlist(db, list.id)).toMatchObject({ enabled: false, keywords: ['cave'], hideUntil: 1234 });
  });

  it('loses no term when two adds run at once', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark', characters: ['Jonas'] });
    await Promise.all([
      addTerms(db, list.id, 'characters', ['Martha']),
      addTerms(db, list.id, 'characters', ['Ulrich', 'Claudia']),
      addTerms(db, list.id, 'cast', ['Louis Hofmann']),
    ]);
    const stored = await getWatchlist(db, list.id);
    expect(stored?.characters).toEqual(['Jonas', 'Martha', 'Ulrich', 'Claudia']);
    expect(stored?.cast).toEqual(['Louis Hofmann']);
  });

  it('applies an add and a remove on the same group both', async () => {
    const db = await freshDb();
    const list = await createWatchlist(db, { title: 'Dark', characters: ['Jonas', 'Martha'] });
    await Promise.all([
      removeTerms(db, list.id, 'characters', ['Jonas']),
      addTerms(db, list.id, 'characters', ['Ulrich']),
    ]);
    expect((await getWatchlist(db, list.id))?.characters).toEqual(['Martha', 'Ulrich']);
  });

  it('lets only one of two concurrent creates take a title', async () => {
    const db = await freshDb();
    const results = await Promise.allSettled([
      createWatchlist(db, { title: 'Dark' }),
      createWatchlist(db, { title: 'dark' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
