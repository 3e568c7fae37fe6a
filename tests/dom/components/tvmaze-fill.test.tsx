import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../components/options-app';
import { createTvmazeClient, type FetchLike } from '../../../lib/tvmaze/client';
import { createSettingsModel } from '../../../lib/ui/settings-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { installI18n, realClient } from './helpers';
import { recordedFetch } from './recorded-fetch';

beforeEach(installI18n);

async function setup(fetch: FetchLike) {
  const { client } = realClient();
  const model = createWatchlistsModel(client);
  const list = await client.call('watchlists/create', { title: '13 Reasons Why', characters: ['Clay Jensen'] });
  await model.refresh();
  model.selectedId.value = list.id;
  render(<OptionsApp model={model} settings={createSettingsModel(client)} tvmaze={createTvmazeClient(fetch)} download={() => {}} />);
  return { client };
}

describe('Fill from TVmaze', () => {
  it('requests nothing until the user searches', async () => {
    const fetch = recordedFetch();
    await setup(fetch);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('searches, picks a show, lets the user untick names, saves the rest into the groups', async () => {
    const fetch = recordedFetch();
    const { client } = await setup(fetch);
    fireEvent.click(screen.getByText('Fill from TVmaze'));
    const query = screen.getByRole('searchbox', { name: 'Show name on TVmaze' }) as HTMLInputElement;
    expect(query.value).toBe('13 Reasons Why');
    fireEvent.submit(query.closest('form')!);
    fireEvent.click(await screen.findByRole('button', { name: '13 Reasons Why (2017) · Netflix' }));

    await screen.findByText('Names from “13 Reasons Why” to add');
    const title = screen.getByRole('checkbox', { name: '13 Reasons Why (Keywords)' }) as HTMLInputElement;
    expect(title.checked).toBe(false); // the list already has this title
    fireEvent.click(screen.getByRole('checkbox', { name: 'Devin Druid (Cast)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tyler Down (Characters)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add checked names' }));

    await waitFor(async () => {
      const [list] = await client.call('watchlists/list', {});
      expect(list!.cast).toHaveLength(8);
    });
    const [list] = await client.call('watchlists/list', {});
    expect(list!.characters).toEqual([
      'Clay Jensen', 'Hannah Baker', 'Tony Padilla', 'Jessica Davis', 'Justin Foley', 'Bryce Walker', 'Alex Standall', 'Zach Dempsey',
    ]);
    expect(list!.cast).not.toContain('Devin Druid');
    expect(list!.keywords).toEqual([]);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'https://api.tvmaze.com/search/shows?q=13%20Reasons%20Why',
      'https://api.tvmaze.com/shows/22036/cast',
    ]);
    expect(await screen.findByRole('button', { name: 'Remove “Hannah Baker”' })).toBeTruthy();
  });

  it('says clearly that TVmaze cannot be reached when fetch rejects (offline), and changes nothing', async () => {
    const { client } = await setup(vi.fn<FetchLike>().mockRejectedValue(new TypeError('Failed to fetch')));
    fireEvent.click(screen.getByText('Fill from TVmaze'));
    fireEvent.submit(screen.getByRole('searchbox', { name: 'Show name on TVmaze' }).closest('form')!);
    expect(await screen.findByText('Could not reach TVmaze. Check your connection and try again.')).toBeTruthy();
    const [list] = await client.call('watchlists/list', {});
    expect(list!.characters).toEqual(['Clay Jensen']);
  });

  it('reports an error status', async () => {
    await setup(vi.fn<FetchLike>().mockResolvedValue({ ok: false, status: 503, json: async () => ({}) }));
    fireEvent.click(screen.getByText('Fill from TVmaze'));
    fireEvent.submit(screen.getByRole('searchbox', { name: 'Show name on TVmaze' }).closest('form')!);
    expect(await screen.findByText('TVmaze answered with an error (503). Try again later.')).toBeTruthy();
  });

  it('says when no show is found', async () => {
    await setup(recordedFetch());
    fireEvent.click(screen.getByText('Fill from TVmaze'));
    const query = screen.getByRole('searchbox', { name: 'Show name on TVmaze' });
    fireEvent.input(query, { target: { value: 'Nothing Like This' } });
    fireEvent.submit(query.closest('form')!);
    expect(await screen.findByText('TVmaze found no show called “Nothing Like This”.')).toBeTruthy();
  });
});
