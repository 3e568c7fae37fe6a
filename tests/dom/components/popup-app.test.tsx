import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup-app';
import { createSiteModel, type TabsApi } from '../../../lib/ui/site-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { createTvmazeClient } from '../../../lib/tvmaze/client';
import { installI18n, realClient } from './helpers';
import { recordedFetch } from './recorded-fetch';

beforeEach(installI18n);

async function setup(options: { lists?: number; url?: string } = {}) {
  const { client } = realClient();
  const hideUntil = (i: number) =>
    i === 1 ? new Date(2031, 0, 15).getTime() : i === 2 ? new Date(2020, 0, 15).getTime() : null;
  for (let i = 1; i <= (options.lists ?? 0); i++) {
    await client.call('watchlists/create', { title: `Show ${String(i).padStart(3, '0')}`, hideUntil: hideUntil(i) });
  }
  const tabs: TabsApi = {
    query: vi.fn(async () => [{ id: 7, url: options.url ?? 'https://news.example.com/article' }]),
    sendMessage: vi.fn(async () => ({ ok: true, data: 3 })),
  };
  const model = createWatchlistsModel(client);
  const site = createSiteModel(client, tabs);
  await Promise.all([model.refresh(), site.load()]);
  const openOptions = vi.fn();
  render(<PopupApp model={model} site={site} tvmaze={createTvmazeClient(recordedFetch())} openOptions={openOptions} />);
  return { client, tabs, site, openOptions };
}

describe('popup', () => {
  it('lists the watchlists with a switch each and the snooze date', async () => {
    const { client } = await setup({ lists: 3 });
    const items = document.querySelectorAll('.watchlist');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toMatch(/Show 001.*until/);
    // A date in the past: the list says it hides nothing any more.
    expect(items[1]!.textContent).toMatch(/Show 002.*ended .* hides nothing/);
    expect(items[2]!.textContent).not.toMatch(/until|ended/);
    fireEvent.click(screen.getByRole('switch', { name: 'Show 002' }));
    await waitFor(async () => expect((await client.call('watchlists/list', {}))[1]!.enabled).toBe(false));
  });

  it('shows no search box for a few lists, and filters many by title', async () => {
    await setup({ lists: 12 });
    const search = screen.getByRole('searchbox', { name: 'Search watchlists' });
    fireEvent.input(search, { target: { value: 'show 01' } });
    expect([...document.querySelectorAll('.watchlist .title')].map((el) => el.textContent)).toEqual([
      'Show 010', 'Show 011', 'Show 012',
    ]);
    fireEvent.input(search, { target: { value: 'zzz' } });
    expect(screen.getByText('No watchlist matches “zzz”.')).toBeTruthy();
  });

  it('has no search box with 8 lists or fewer', async () => {
    await setup({ lists: 8 });
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  // How fast is measured by `npm run bench` (bench/popup.ts), not asserted here.
  it('renders 200 watchlists, with their switches and snooze dates', async () => {
    const { client } = realClient();
    const lists = Array.from({ length: 200 }, (_, i) => ({
      id: `id-${i}`, title: `A show with a rather long title, number ${i}`, enabled: i % 3 !== 0, matchNameParts: true,
      hideUntil: i % 10 === 0 ? Date.now() + 86_400_000 : null, characters: ['A B'], cast: ['C D'], keywords: ['e'],
      createdAt: 0, updatedAt: 0,
    }));
    const model = createWatchlistsModel({ call: (async (type: string) => (type === 'watchlists/list' ? lists : client.call(type as never, {} as never))) as typeof client.call });
    await model.refresh();
    const site = createSiteModel(client, { query: async () => [], sendMessage: async () => null });
    render(<PopupApp model={model} site={site} tvmaze={createTvmazeClient(recordedFetch())} openOptions={() => {}} />);
    expect(document.querySelectorAll('.watchlist')).toHaveLength(200);
    expect(screen.getAllByRole('switch')).toHaveLength(200);
    expect(document.querySelectorAll('.snooze')).toHaveLength(20);
  });

  it('shows this site’s hidden count, reveals all through the content script, pauses and resumes', async () => {
    const { client, tabs } = await setup({ lists: 1 });
    expect(screen.getByText('news.example.com')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause on this site' }));
    await screen.findByText('Paused: nothing is hidden on this site.');
    expect(await client.call('sites/list', {})).toEqual(['news.example.com']);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await screen.findByRole('button', { name: 'Pause on this site' });
    expect(await client.call('sites/list', {})).toEqual([]);
    expect(tabs.sendMessage).not.toHaveBeenCalled();
  });

  it('reveals all on the page: sends tab/reveal-all to the active tab', async () => {
    const { site, tabs } = await setup();
    site.hidden.value = 4;
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal all on this page' }));
    await waitFor(() => expect(tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'tab/reveal-all', data: {} }));
    await screen.findByText('Hidden on this page: 0');
  });

  it('says the extension does not run on browser pages', async () => {
    await setup({ url: 'chrome://newtab/' });
    expect(screen.getByText('Plot Armor does not run on this page.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause on this site' })).toBeNull();
  });

  it('quick-adds a show and links to the options page', async () => {
    const { client, openOptions } = await setup({ lists: 1 });
    const input = screen.getByLabelText('Add a show');
    fireEvent.input(input, { target: { value: 'Severance' } });
    fireEvent.submit(input.closest('form')!);
    await screen.findByRole('status');
    expect((await client.call('watchlists/list', {})).map((l) => l.title)).toEqual(['Severance', 'Show 001']);
    fireEvent.click(screen.getByRole('link', { name: 'All settings' }));
    expect(openOptions).toHaveBeenCalled();
  });

  it('with no watchlists offers "Add a show": by hand, with no network, then shows the new list', async () => {
    const { client } = await setup();
    expect(screen.getByRole('heading', { name: 'Add a show' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Show name' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Type a show in myself (no network)' }));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Severance' } });
    fireEvent.input(screen.getByLabelText('Characters'), { target: { value: 'Mark Scout\nHelly R.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add this show' }));
    await screen.findByRole('switch', { name: 'Severance' });
    expect(await client.call('watchlists/list', {})).toMatchObject([{ title: 'Severance', characters: ['Mark Scout', 'Helly R.'] }]);
  });
});
