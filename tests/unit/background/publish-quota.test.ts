/**
 * A storage area with Chromium's quota for `storage.local` (10 MB without the
 * `unlimitedStorage` permission): lists too large for it never stop the product.
 */
import { describe, expect, it } from 'vitest';
import { publishPageState } from '../../../lib/background/publish';
import { addTerms, createWatchlist, importWatchlists } from '../../../lib/db/watchlists';
import { SNAPSHOT_KEY } from '../../../lib/shared/page-state';
import { jsonBytes } from '../../../lib/shared/snapshot-budget';
import type { TermSnapshot } from '../../../lib/shared/snapshot';
import { freshDb } from '../db/helpers';
import { fakeImported } from '../factories';

const QUOTA = 10 * 1024 * 1024;

/** A storage area that refuses, as Chromium does, a write that would pass its quota. */
function quotaStorage(quota = QUOTA) {
  const items: Record<string, unknown> = {};
  const used = (all: Record<string, unknown>) =>
    Object.entries(all).reduce((sum, [key, value]) => sum + key.length + jsonBytes(value), 0);
  return {
    items,
    async set(next: Record<string, unknown>) {
      if (used({ ...items, ...next }) > quota) throw new Error('Resource::kQuotaBytes quota exceeded');
      Object.assign(items, next);
    },
  };
}

const titles = (storage: { items: Record<string, unknown> }) =>
  (storage.items[SNAPSHOT_KEY] as TermSnapshot).lists.map((list) => list.title);

describe('publishing into a storage area with a quota', () => {
  it('publishes the lists that fit, names the others, and later changes still publish', async () => {
    const db = await freshDb();
    const storage = quotaStorage();
    // 25,000 terms of 480 characters: 12 MB, past the quota on their own.
    const big = Array.from({ length: 25_000 }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(473)}`);
    await importWatchlists(db, [
      fakeImported({ title: 'Huge', keywords: big }),
      fakeImported({ title: 'Dark', characters: ['Jonas Kahnwald'] }),
    ]);
    const first = await publishPageState(db, storage, Date.now());
    expect(first.leftOut).toEqual(['Huge']);
    expect(titles(storage)).toEqual(['Dark']);

    // A later small change and a small import reach the pages.
    const andor = await createWatchlist(db, { title: 'Andor' });
    await addTerms(db, andor.id, 'cast', ['Diego Luna']);
    await importWatchlists(db, [fakeImported({ title: 'Severance', characters: ['Mark Scout'] })]);
    const later = await publishPageState(db, storage, Date.now());
    expect(later.leftOut).toEqual(['Huge']);
    expect(titles(storage)).toEqual(['Andor', 'Dark', 'Severance']);
  }, 30_000);

  it('still publishes, with fewer lists, when other data leaves less room than the budget', async () => {
    const db = await freshDb();
    const storage = quotaStorage(2 * 1024 * 1024);
    const many = Array.from({ length: 40 }, (_, i) =>
      fakeImported({ title: `Show ${String(i).padStart(2, '0')}`, keywords: Array.from({ length: 1_000 }, (_, j) => `term ${i} ${j} ${'y'.repeat(80)}`) }),
    );
    await importWatchlists(db, [...many, fakeImported({ title: 'Dark', characters: ['Jonas Kahnwald'] })]);
    const state = await publishPageState(db, storage, Date.now());
    expect(titles(storage)).toContain('Dark');
    expect(state.leftOut.length).toBeGreaterThan(0);
    expect(titles(storage).length + state.leftOut.length).toBe(41);
  });
});
