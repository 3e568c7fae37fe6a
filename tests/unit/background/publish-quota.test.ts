/**
 * A storage area with Chromium's quota for `storage.local` (10 MB without the
 * `unlimitedStorage` permission): lists too large for it never stop the product.
 */
import { describe, expect, it } from 'vitest';
import { pageStateFromDb, publishPageState, type PublishOutcome } from '../../../lib/background/publish';
import { readPublishReport } from '../../../lib/db/publish-report';
import { compileSnapshot, loadForms } from '../../../lib/match/stored-forms';
import { addTerms, createWatchlist, importWatchlists } from '../../../lib/db/watchlists';
import { SNAPSHOT_KEY } from '../../../lib/shared/page-state';
import { jsonBytes } from '../../../lib/shared/snapshot-budget';
import type { TermSnapshot } from '../../../lib/shared/snapshot';
import { freshDb } from '../db/helpers';
import { quotaStorage } from '../../support/quota-storage';
import { fakeImported } from '../factories';

/** The outcome of a publish storage accepted (a test fails if it refused it). */
function accepted(outcome: PublishOutcome) {
  if (outcome.stale) throw new Error('storage refused the page state');
  return outcome;
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
    const first = accepted(await publishPageState(db, storage, Date.now()));
    expect(first.leftOut).toEqual(['Huge']);
    expect(titles(storage)).toEqual(['Dark']);

    // A later small change and a small import reach the pages.
    const andor = await createWatchlist(db, { title: 'Andor' });
    await addTerms(db, andor.id, 'cast', ['Diego Luna']);
    await importWatchlists(db, [fakeImported({ title: 'Severance', characters: ['Mark Scout'] })]);
    const later = accepted(await publishPageState(db, storage, Date.now()));
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
    const state = accepted(await publishPageState(db, storage, Date.now()));
    expect(titles(storage)).toContain('Dark');
    expect(state.leftOut.length).toBeGreaterThan(0);
    expect(titles(storage).length + state.leftOut.length).toBe(41);
  });

  it('records for the options page the lists storage really left out, not those the budget would', async () => {
    const db = await freshDb();
    // 2 MB of room: the full budget's copy is refused, a smaller one is taken.
    const storage = quotaStorage(2 * 1024 * 1024);
    const big = Array.from({ length: 3_300 }, (_, i) => `term ${i} ${'z'.repeat(450)}`);
    await importWatchlists(db, [fakeImported({ title: 'Big', keywords: big }), fakeImported({ title: 'Dark', characters: ['Jonas Kahnwald'] })]);
    const now = Date.UTC(2026, 10, 30);
    accepted(await publishPageState(db, storage, now));
    expect(titles(storage)).toEqual(['Dark']);
    expect(await readPublishReport(db)).toEqual({ leftOut: ['Big'], publishedAt: now, stale: false });
  });

  it('when storage refuses every copy, the change stands, pages keep their copy, and the report says since when', async () => {
    const db = await freshDb();
    const storage = quotaStorage();
    await importWatchlists(db, [fakeImported({ title: 'Dark', characters: ['Jonas Kahnwald'] })]);
    const day1 = Date.UTC(2026, 10, 1);
    accepted(await publishPageState(db, storage, day1));
    const before = storage.items[SNAPSHOT_KEY];

    // Storage has no room left for anything (other data filled it).
    let full = true;
    const refusing = {
      set: async (next: Record<string, unknown>) => {
        if (full) throw new Error('Resource::kQuotaBytes quota exceeded');
        await storage.set(next);
      },
    };
    await importWatchlists(db, [fakeImported({ title: 'Severance', characters: ['Mark Scout'] })]);
    const outcome = await publishPageState(db, refusing, Date.UTC(2026, 10, 2));
    expect(outcome.stale).toBe(true);
    expect(storage.items[SNAPSHOT_KEY]).toBe(before);
    expect(await readPublishReport(db)).toEqual({ leftOut: [], publishedAt: day1, stale: true });

    // Once there is room, the next publish reaches the pages and the report is current again.
    full = false;
    const day3 = Date.UTC(2026, 10, 3);
    accepted(await publishPageState(db, refusing, day3));
    expect(titles(storage)).toEqual(['Dark', 'Severance']);
    expect(await readPublishReport(db)).toEqual({ leftOut: [], publishedAt: day3, stale: false });
  });

  it('stores the forms of the lists kept, usable by content scripts, with no term of a list left out', async () => {
    const db = await freshDb();
    const padding = Array.from({ length: 200 }, (_, i) => `padding word ${i}`);
    await importWatchlists(db, [
      fakeImported({ title: 'Andor', characters: ['Cassian Andor'] }),
      fakeImported({ title: 'Babylon', characters: ['Mark Scout'], keywords: padding }),
      fakeImported({ title: 'Dark', characters: ['Jonas Kahnwald'] }),
    ]);
    const all = await pageStateFromDb(db, Date.now());
    const severance = jsonBytes((all.items[SNAPSHOT_KEY] as TermSnapshot).lists.find((l) => l.title === 'Babylon'));
    // Room for the two small lists and their forms, not for the large one.
    const state = await pageStateFromDb(db, Date.now(), severance - 1);
    expect(state.leftOut).toEqual(['Babylon']);
    const snapshot = state.items[SNAPSHOT_KEY] as TermSnapshot;
    // The stored forms are usable: they describe exactly the lists the snapshot holds.
    expect(loadForms(snapshot.forms, snapshot.lists.length)).not.toBeNull();
    const matcher = compileSnapshot(snapshot, snapshot.lists);
    expect(matcher.match('Mark Scout quits')).toEqual([]);
    expect(matcher.match('Jonas Kahnwald').map((l) => l.title)).toEqual(['Dark']);
    expect(matcher.match('Cassian Andor').map((l) => l.title)).toEqual(['Andor']);
  });
});
