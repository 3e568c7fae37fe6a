import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../components/options-app';
import { createSubscriptions } from '../../../lib/background/subscriptions/service';
import { createSettingsModel } from '../../../lib/ui/settings-model';
import { createSubscriptionsModel } from '../../../lib/ui/subscriptions-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { fakeFetch, reply, watchlistFile } from '../../unit/background/subscriptions/fake-fetch';
import { installI18n, realClient } from './helpers';

beforeEach(installI18n);

const URL_A = 'https://lists.example/dark.json';
const DARK = { title: 'Dark', characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'] };

async function setup(options: { grant?: boolean } = {}) {
  const net = fakeFetch({ [URL_A]: () => reply(watchlistFile([DARK])) });
  const { client } = realClient((db) => ({
    subscriptions: createSubscriptions({ db, fetch: net.fetch, write: (work) => work(), mayReach: async () => true }),
  }));
  const model = createWatchlistsModel(client);
  const settings = createSettingsModel(client);
  const request = vi.fn(async () => options.grant ?? true);
  const subscriptions = createSubscriptionsModel(client, model, {
    getManifest: () => ({ permissions: ['storage'], host_permissions: ['https://api.tvmaze.com/*'] }),
    request,
  });
  await Promise.all([model.refresh(), settings.load()]);
  render(<OptionsApp model={model} settings={settings} subscriptions={subscriptions} download={() => {}} />);
  return { client, model, net, request };
}

function subscribe(url: string) {
  const input = screen.getByLabelText('Address of a watchlist file');
  fireEvent.input(input, { target: { value: url } });
  fireEvent.submit(input.closest('form')!);
}

describe('subscribing on the options page', () => {
  it('asks for the file site, subscribes, and shows where the list comes from with its read-only terms', async () => {
    const { client, model, request } = await setup();
    subscribe(URL_A);
    await screen.findByText('Subscribed: 1 new, 0 updated.');
    expect(request).toHaveBeenCalledWith({ origins: ['https://lists.example/*'] });
    const [list] = await client.call('watchlists/list', {});
    model.selectedId.value = list!.id;
    expect(await screen.findByRole('link', { name: URL_A })).toBeTruthy();
    expect(screen.getByText(/^Last updated: /)).toBeTruthy();
    expect(screen.getByText('From the file (read-only): Jonas Kahnwald')).toBeTruthy();
    // Read-only: the file's terms have no remove button; the user's own do.
    expect(screen.queryByRole('button', { name: 'Remove “Jonas Kahnwald”' })).toBeNull();
  });

  it('a refused permission fetches nothing and says so beside the field', async () => {
    const { net } = await setup({ grant: false });
    subscribe(URL_A);
    expect(await screen.findByText('Plot Armor was not allowed to reach lists.example, so nothing was fetched.')).toBeTruthy();
    expect(net.calls).toEqual([]);
  });

  it('a bad address is refused before the browser is asked', async () => {
    const { request } = await setup();
    subscribe('http://lists.example/dark.json');
    expect(await screen.findByText('Plot Armor subscribes only to addresses starting with https://')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('a broken update shows its message on the list, which keeps its terms; unsubscribing keeps a copy', async () => {
    const { client, model, net } = await setup();
    subscribe(URL_A);
    await screen.findByText('Subscribed: 1 new, 0 updated.');
    const [list] = await client.call('watchlists/list', {});
    model.selectedId.value = list!.id;
    net.routes[URL_A] = () => reply('not json');
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));
    // Announced in the notice line, and kept in view on the list.
    const problem = /^This file is not valid JSON/;
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(problem));
    await waitFor(() => expect(document.querySelector('.subscription-problem')?.textContent).toMatch(problem));
    expect(screen.getByText('From the file (read-only): Jonas Kahnwald')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe, keep a copy' }));
    await screen.findByText('“Dark” no longer follows its file; its terms are now your own.');
    await screen.findByRole('button', { name: 'Remove “Jonas Kahnwald”' });
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
  });
});
