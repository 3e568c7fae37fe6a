import { describe, expect, it, vi } from 'vitest';
import { createSubscriptions, REFRESH_EVERY_MS, RETRY_AFTER_MS } from '../../../../lib/background/subscriptions/service';
import { problem, ProblemError } from '../../../../lib/shared/problem';
import { addTerms, createWatchlist, listWatchlists, updateWatchlist } from '../../../../lib/db/watchlists';
import { buildSnapshot } from '../../../../lib/shared/snapshot';
import { freshDb } from '../../db/helpers';
import { fakeFetch, hangingFetch, reply, watchlistFile } from './fake-fetch';

const URL_A = 'https://lists.example/dark.json';
const DARK = { title: 'Dark', characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'], keywords: ['Winden'] };

async function setUp(routes: Record<string, () => Response>, options: { mayReach?: boolean } = {}) {
  const db = await freshDb();
  const net = fakeFetch(routes);
  let clock = 1_800_000_000_000;
  const write = vi.fn();
  const publisherWrite = <T,>(work: () => Promise<T>): Promise<T> => {
    write();
    return work();
  };
  const written = vi.fn();
  const subs = createSubscriptions({
    db: async () => db,
    fetch: net.fetch,
    write: publisherWrite,
    written,
    mayReach: async () => options.mayReach ?? true,
    now: () => clock,
    limits: { timeoutMs: 50 },
  });
  return { db, net, subs, write, written, advance: (ms: number) => (clock += ms), now: () => clock };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as ProblemError);

describe('subscriptions', () => {
  it('subscribing adds the file lists, read-only terms kept apart, and they hide on pages', async () => {
    const { db, subs, write, written } = await setUp({ [URL_A]: () => reply(watchlistFile([DARK])) });
    expect(await subs.subscribe(URL_A)).toEqual({ added: ['Dark'], updated: [], missing: [] });
    const [list] = await listWatchlists(db);
    expect(list).toMatchObject({ title: 'Dark', characters: [], cast: [], keywords: [] });
    expect(list!.subscription).toMatchObject({ url: URL_A, source: 'Dark', problem: null, terms: { characters: ['Jonas Kahnwald'] } });
    // The page state is published through the publisher, and sync is told.
    expect(write).toHaveBeenCalled();
    expect(written).toHaveBeenCalled();
    const snapshot = buildSnapshot(await listWatchlists(db), Date.now());
    expect(snapshot.lists[0]).toMatchObject({ characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'], keywords: ['Winden'] });
  });

  it('an update replaces the file terms and never touches the user own terms or settings', async () => {
    const { db, net, subs } = await setUp({ [URL_A]: () => reply(watchlistFile([DARK])) });
    await subs.subscribe(URL_A);
    const [list] = await listWatchlists(db);
    await addTerms(db, list!.id, 'characters', ['Ulrich Nielsen']);
    await updateWatchlist(db, list!.id, { title: 'Dark (my copy)', matchNameParts: false });
    net.routes[URL_A] = () => reply(watchlistFile([{ ...DARK, characters: ['Martha Nielsen'] }]));
    expect(await subs.update(URL_A)).toEqual({ added: [], updated: ['Dark (my copy)'], missing: [] });
    const [after] = await listWatchlists(db);
    expect(after).toMatchObject({ title: 'Dark (my copy)', matchNameParts: false, characters: ['Ulrich Nielsen'] });
    expect(after!.subscription!.terms.characters).toEqual(['Martha Nielsen']);
    expect(buildSnapshot([after!], Date.now()).lists[0]!.characters).toEqual(['Ulrich Nielsen', 'Martha Nielsen']);
  });

  it('a broken update keeps the last terms and notes why, as the import would', async () => {
    const { db, net, subs, advance } = await setUp({ [URL_A]: () => reply(watchlistFile([DARK])) });
    await subs.subscribe(URL_A);
    advance(REFRESH_EVERY_MS);
    net.routes[URL_A] = () => reply('{"format": "plot-armor", "version": 1, "watchlists": [ {"title": 3} ]}');
    const error = await errorOf(subs.update(URL_A));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error!.problem).toEqual(problem('entry-title-not-text', 1));
    const [list] = await listWatchlists(db);
    expect(list!.subscription).toMatchObject({ terms: { characters: ['Jonas Kahnwald'] }, problem: error!.problem });
    expect(list!.subscription!.updatedAt).toBeLessThan(list!.subscription!.checkedAt);
  });

  it('a file over the import limits is refused whole, with the import message', async () => {
    const many = Array.from({ length: 100_001 }, (_, i) => `Name ${i}`);
    const { db, subs } = await setUp({ [URL_A]: () => reply(watchlistFile([{ title: 'Huge', keywords: many }])) });
    const error = await errorOf(subs.subscribe(URL_A));
    expect(error!.problem).toEqual(problem('file-too-many-terms', 100_001, 100_000));
    expect(await listWatchlists(db)).toEqual([]);
  });

  it('a 404, a timeout and a missing permission leave what the user saved as it was', async () => {
    const { db, net, subs } = await setUp({ [URL_A]: () => reply(watchlistFile([DARK])) });
    await subs.subscribe(URL_A);
    const before = (await listWatchlists(db))[0]!.subscription!.terms;
    net.routes[URL_A] = () => reply('gone', { status: 404 });
    expect((await errorOf(subs.update(URL_A)))!.problem).toEqual(problem('subscription-gone', 'lists.example', '404'));
    expect((await listWatchlists(db))[0]!.subscription!.terms).toEqual(before);

    const slow = await setUp({});
    await createWatchlist(slow.db, { title: 'Mine' });
    const hung = createSubscriptions({ db: async () => slow.db, fetch: hangingFetch, write: (w) => w(), mayReach: async () => true, limits: { timeoutMs: 10 } });
    expect((await errorOf(hung.subscribe(URL_A)))!.problem).toEqual(problem('subscription-timeout', 'lists.example'));
    expect((await listWatchlists(slow.db)).map((l) => l.title)).toEqual(['Mine']);

    const denied = await setUp({ [URL_A]: () => reply(watchlistFile([DARK])) }, { mayReach: false });
    expect((await errorOf(denied.subs.subscribe(URL_A)))!.problem).toEqual(problem('subscription-not-allowed', 'lists.example'));
    expect(denied.net.calls).toEqual([]);
  });

  it('refuses an address that is not https before fetching anything', async () => {
    const { net, subs } = await setUp({});
    expect((await errorOf(subs.subscribe('http://lists.example/dark.json')))!.problem).toEqual(problem('subscription-url-not-https'));
    expect(net.calls).toEqual([]);
  });

  it('adopts a stored list of the same title: its own terms stay its own', async () => {
    const { db, subs } = await setUp({ [URL_A]: () => reply(watchlistFile([DARK])) });
    await createWatchlist(db, { title: 'dark', characters: ['Claudia Tiedemann'] });
    expect(await subs.subscribe(URL_A)).toEqual({ added: [], updated: ['dark'], missing: [] });
    const lists = await listWatchlists(db);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ characters: ['Claudia Tiedemann'], subscription: { source: 'Dark' } });
  });

  it('a list gone from the file is kept with its last terms, and says so', async () => {
    const { db, net, subs } = await setUp({ [URL_A]: () => reply(watchlistFile([DARK, { title: '1899', cast: ['Emily Beecham'] }])) });
    await subs.subscribe(URL_A);
    net.routes[URL_A] = () => reply(watchlistFile([DARK]));
    expect(await subs.update(URL_A)).toEqual({ added: [], updated: ['Dark'], missing: ['1899'] });
    const gone = (await listWatchlists(db)).find((l) => l.title === '1899')!;
    expect(gone.subscription).toMatchObject({ terms: { cast: ['Emily Beecham'] }, problem: problem('subscription-list-missing', '1899') });
  });

  it('updates a file a day after its last update, and three hours after a failure', async () => {
    const { net, subs, advance } = await setUp({ [URL_A]: () => reply(watchlistFile([DARK])) });
    await subs.subscribe(URL_A);
    await subs.updateDue();
    expect(net.calls).toHaveLength(1);
    advance(REFRESH_EVERY_MS);
    net.routes[URL_A] = () => reply('', { status: 500 });
    await subs.updateDue();
    expect(net.calls).toHaveLength(2);
    advance(RETRY_AFTER_MS - 1);
    await subs.updateDue();
    expect(net.calls).toHaveLength(2);
    advance(1);
    await subs.updateDue();
    expect(net.calls).toHaveLength(3);
  });
});
