import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EpisodePanel } from '../../../components/episode-panel';
import { PopupApp } from '../../../components/popup-app';
import type { Episode } from '../../../lib/shared/watchlist';
import { createTvmazeClient, type FetchLike } from '../../../lib/tvmaze/client';
import { createSiteModel, type TabsApi } from '../../../lib/ui/site-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { installI18n, realClient } from './helpers';
import { recordedFetch } from './recorded-fetch';

beforeEach(installI18n);

const DAY = 86_400_000;
/** Three episodes: two aired, one a week away. */
const episodes = (): Episode[] => [
  { season: 1, number: 1, title: 'Pilot', airstamp: new Date(Date.now() - 14 * DAY).toISOString() },
  { season: 1, number: 2, title: 'The Second One', airstamp: new Date(Date.now() - DAY).toISOString() },
  { season: 1, number: 3, title: 'The Third One', airstamp: new Date(Date.now() + 7 * DAY).toISOString() },
];

async function popup(why: ((id: string) => unknown) | null = null) {
  const { client } = realClient();
  const dark = await client.call('watchlists/create', {
    title: 'Dark',
    mode: 'past-progress',
    progress: { season: 1, episode: 0 },
    link: { tvmazeId: 17861, episodes: episodes(), refreshedAt: Date.now() },
  });
  await client.call('watchlists/create', { title: 'Plain' });
  const tabs: TabsApi = {
    query: vi.fn(async () => [{ id: 7, url: 'https://news.example.com/a' }]),
    sendMessage: vi.fn(async (_id: number, m: unknown) =>
      (m as { type: string }).type === 'tab/why' ? (why ? { ok: true, data: why(dark.id) } : undefined) : { ok: true, data: 0 },
    ),
  };
  const model = createWatchlistsModel(client);
  const site = createSiteModel(client, tabs);
  await Promise.all([model.refresh(), site.load()]);
  await site.askWhy();
  render(<PopupApp model={model} site={site} tvmaze={createTvmazeClient(recordedFetch())} openOptions={() => {}} />);
  const stored = async () => (await client.call('watchlists/list', {})).find((l) => l.title === 'Dark')!;
  return { client, tabs, stored };
}

describe('progress in the popup', () => {
  it('offers the newest aired episode, and moves progress in one click', async () => {
    const { stored } = await popup();
    expect(screen.getByRole('combobox', { name: 'Watched up to' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New: S1E1 — watched it?' }));
    await waitFor(async () => expect((await stored()).progress).toEqual({ season: 1, episode: 1 }));
    fireEvent.click(await screen.findByRole('button', { name: 'I’ve watched the latest'.replace('’', "'") }));
    await waitFor(async () => expect((await stored()).progress).toEqual({ season: 1, episode: 2 }));
    // Caught up: the one not aired yet is not offered.
    await waitFor(() => expect(screen.queryByRole('button', { name: /New:/ })).toBeNull());
  });

  it('picks the progress from the real episode list', async () => {
    const { stored } = await popup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Watched up to' }), { target: { value: '1:3' } });
    await waitFor(async () => expect((await stored()).progress).toEqual({ season: 1, episode: 3 }));
  });

  it('says why a revealed block was hidden and adds an exception in one click', async () => {
    const { tabs, stored } = await popup((id) => [{ listId: id, title: 'Dark', term: 'Jonas', past: 'S03E02' }]);
    expect(tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'tab/why', data: {} });
    expect(screen.getByText('Dark: hidden for “Jonas”')).toBeTruthy();
    expect(screen.getByText(/past your episode: “S03E02”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Never hide for “Jonas”' }));
    await waitFor(async () => expect((await stored()).exceptions).toEqual(['Jonas']));
  });

  it('says nothing about why when no block was revealed', async () => {
    await popup();
    expect(screen.queryByRole('heading', { name: 'Why was it hidden?' })).toBeNull();
  });
});

describe('the episode panel on the options page', () => {
  it('links a show to its TVmaze episode list on the user’s click, and unlinks', async () => {
    const { client } = realClient();
    await client.call('watchlists/create', { title: '13 Reasons Why' });
    const model = createWatchlistsModel(client);
    await model.refresh();
    const fetch = recordedFetch();
    const view = () => <EpisodePanel model={model} list={model.lists.value[0]!} tvmaze={createTvmazeClient(fetch)} />;
    const { rerender } = render(view());
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Find the episode list' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Link 13 Reasons Why (2017)' }));
    await waitFor(async () => expect((await client.call('watchlists/list', {}))[0]!.link?.episodes).toHaveLength(28));
    expect(fetch).toHaveBeenLastCalledWith('https://api.tvmaze.com/shows/22036/episodes');
    // The model reloads after the change is saved: the panel shows what the model holds.
    await waitFor(() => expect(model.lists.value[0]!.link?.episodes).toHaveLength(28));
    rerender(view());
    expect(screen.getByText(/Linked to TVmaze: 28 episodes/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Only what\'s past my episode' }));
    await waitFor(async () => expect((await client.call('watchlists/list', {}))[0]!.mode).toBe('past-progress'));
    fireEvent.click(screen.getByRole('button', { name: 'Unlink' }));
    await waitFor(async () => expect((await client.call('watchlists/list', {}))[0]!.link).toBeNull());
  });

  it('says a link that arrived from another device is waiting for its episode list', async () => {
    const { client } = realClient();
    await client.call('watchlists/create', { title: 'Dark', link: { tvmazeId: 17861, episodes: [], refreshedAt: 0 } });
    const model = createWatchlistsModel(client);
    await model.refresh();
    render(<EpisodePanel model={model} list={model.lists.value[0]!} tvmaze={createTvmazeClient(recordedFetch())} />);
    expect(screen.getByText('Linked to TVmaze on another device; the episode list is fetched here shortly')).toBeTruthy();
    expect(screen.queryByText(/Linked to TVmaze: 0 episodes/)).toBeNull();
  });

  it('says so in the user’s words when TVmaze rate-limits', async () => {
    const { client } = realClient();
    await client.call('watchlists/create', { title: 'Dark' });
    const model = createWatchlistsModel(client);
    await model.refresh();
    const limited = vi.fn<FetchLike>(async (url) =>
      url.includes('/search/') ? recordedFetch()('https://api.tvmaze.com/search/shows?q=13%20Reasons%20Why') : { ok: false, status: 429, json: async () => ({}) },
    );
    render(<EpisodePanel model={model} list={model.lists.value[0]!} tvmaze={createTvmazeClient(limited)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Find the episode list' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Link 13 Reasons Why (2017)' }));
    expect(await screen.findByText('TVmaze is getting too many requests right now. Wait a minute and try again.')).toBeTruthy();
    expect((await client.call('watchlists/list', {}))[0]!.link).toBeNull();
  });
});
