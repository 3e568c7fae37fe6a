import { describe, expect, it } from 'vitest';
import { applySubscription, listSubscribedFiles, unsubscribe } from '../../../lib/db/subscriptions';
import { deleteWatchlist, listWatchlists, restoreWatchlist } from '../../../lib/db/watchlists';
import { fakeImported } from '../factories';
import { freshDb } from './helpers';

const URL_A = 'https://lists.example/dark.json';

describe('subscribed watchlists in the database', () => {
  it('unsubscribing keeps a copy: the file terms become the list own', async () => {
    const db = await freshDb();
    await applySubscription(db, URL_A, [fakeImported({ title: 'Dark', characters: ['Jonas Kahnwald'] })], 5);
    const [list] = await listWatchlists(db);
    const kept = await unsubscribe(db, list!.id, 6);
    expect(kept).toMatchObject({ title: 'Dark', characters: ['Jonas Kahnwald'], subscription: null });
    expect(await listSubscribedFiles(db)).toEqual([]);
  });

  it('a deleted subscribed list comes back subscribed on undo', async () => {
    const db = await freshDb();
    await applySubscription(db, URL_A, [fakeImported({ title: 'Dark', cast: ['Louis Hofmann'] })], 5);
    const [list] = await listWatchlists(db);
    const deleted = (await deleteWatchlist(db, list!.id))!;
    await restoreWatchlist(db, deleted);
    expect(await listWatchlists(db)).toEqual([list]);
    expect(await listSubscribedFiles(db)).toEqual([{ url: URL_A, checkedAt: 5, problem: null, titles: ['Dark'] }]);
  });

  it('a list of the file whose title another subscription holds gets a numbered title', async () => {
    const db = await freshDb();
    await applySubscription(db, URL_A, [fakeImported({ title: 'Dark' })], 5);
    const other = await applySubscription(db, 'https://other.example/dark.json', [fakeImported({ title: 'Dark' })], 6);
    expect(other.added).toEqual(['Dark (2)']);
    expect((await listWatchlists(db)).map((l) => l.subscription?.url)).toEqual([URL_A, 'https://other.example/dark.json']);
  });
});
