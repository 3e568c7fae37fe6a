import { describe, expect, it, vi } from 'vitest';
import { createWatchlist, getWatchlist } from '../../../lib/db/watchlists';
import { createShowRefresh, REFRESH_AFTER_MS, RETRY_ALARM, type AlarmsApi } from '../../../lib/background/show-refresh';
import { createTvmazeClient, type FetchLike } from '../../../lib/tvmaze/client';
import { recordedFetch } from '../../dom/components/recorded-fetch';
import { freshDb } from '../db/helpers';

const NOW = Date.parse('2026-11-29T12:00:00Z');

async function setup(fetchFn: FetchLike) {
  const db = await freshDb();
  const stale = { tvmazeId: 22036, episodes: [], refreshedAt: NOW - REFRESH_AFTER_MS };
  const linked = await createWatchlist(db, { title: '13 Reasons Why', link: stale });
  const fresh = await createWatchlist(db, { title: 'Dark', link: { tvmazeId: 17861, episodes: [], refreshedAt: NOW - 1000 } });
  await createWatchlist(db, { title: 'Unlinked' });
  const alarms = { create: vi.fn<AlarmsApi['create']>(), onAlarm: { addListener: vi.fn<AlarmsApi['onAlarm']['addListener']>() } };
  const publish = vi.fn(async () => {});
  const fetch = vi.fn(fetchFn);
  const refresh = createShowRefresh({ db: async () => db, client: createTvmazeClient(fetch), publish, alarms, now: () => NOW });
  return { db, linked, fresh, alarms, publish, fetch, refresh };
}

describe('refreshing linked shows', () => {
  it('fetches only the shows whose list is a day old, stores the episodes and republishes', async () => {
    const { db, linked, fresh, publish, fetch, refresh } = await setup(recordedFetch());
    expect(await refresh.refreshDue()).toEqual({ refreshed: 1, error: null, retryIn: null });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['https://api.tvmaze.com/shows/22036/episodes']);
    const stored = await getWatchlist(db, linked.id);
    expect(stored?.link?.refreshedAt).toBe(NOW);
    expect(stored?.link?.episodes).toHaveLength(28);
    expect(stored?.link?.episodes[0]).toEqual({ season: 1, number: 1, title: 'Tape 1, Side A', airstamp: '2017-03-31T07:00:00+00:00' });
    expect((await getWatchlist(db, fresh.id))?.link?.refreshedAt).toBe(NOW - 1000);
    expect(publish).toHaveBeenCalledOnce();
    // Nothing is due any more.
    expect(await refresh.refreshDue()).toEqual({ refreshed: 0, error: null, retryIn: null });
  });

  it('fetches a show linked on another device at once, once, even when asked twice meanwhile', async () => {
    const { db, fetch, refresh } = await setup(recordedFetch());
    // Sync stores a link that arrived from another device with no episodes yet.
    const synced = await createWatchlist(db, { title: 'Arrived', link: { tvmazeId: 22036, episodes: [], refreshedAt: 0 } });
    const [first, second] = await Promise.all([refresh.refreshDue(), refresh.refreshDue()]);
    expect(first).toEqual({ refreshed: 2, error: null, retryIn: null });
    expect(second).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await getWatchlist(db, synced.id))?.link?.episodes).toHaveLength(28);
  });

  it('backs off on a rate limit, longer each round, and keeps the stored list', async () => {
    const limited: FetchLike = async () => ({ ok: false, status: 429, json: async () => ({}) });
    const { db, linked, alarms, refresh } = await setup(limited);
    expect(await refresh.refreshDue()).toEqual({ refreshed: 0, error: 'status', retryIn: 2 });
    expect(await refresh.refreshDue()).toEqual({ refreshed: 0, error: 'status', retryIn: 4 });
    expect(alarms.create).toHaveBeenLastCalledWith(RETRY_ALARM, { delayInMinutes: 4 });
    expect((await getWatchlist(db, linked.id))?.link?.refreshedAt).toBe(NOW - REFRESH_AFTER_MS);
  });

  it('keeps the stored list when offline or answered with garbage', async () => {
    const offline = await setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline.refresh.refreshDue()).toMatchObject({ refreshed: 0, error: 'offline' });
    const garbage = await setup(async () => ({ ok: true, status: 200, json: async () => [{ nope: 1 }] }));
    expect(await garbage.refresh.refreshDue()).toMatchObject({ refreshed: 0, error: 'bad-response' });
    expect((await getWatchlist(garbage.db, garbage.linked.id))?.link?.episodes).toEqual([]);
  });

  it('listens to its alarms only', async () => {
    const { alarms, refresh } = await setup(recordedFetch());
    refresh.listen();
    refresh.schedule();
    expect(alarms.create).toHaveBeenCalledWith('plot-armor:refresh-shows', { periodInMinutes: 1440, delayInMinutes: 1 });
    expect(alarms.onAlarm.addListener).toHaveBeenCalledOnce();
  });
});
