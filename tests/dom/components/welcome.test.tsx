import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WelcomeApp } from '../../../components/welcome-app';
import { createTvmazeClient } from '../../../lib/tvmaze/client';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { installI18n, realClient } from './helpers';
import { recordedFetch } from './recorded-fetch';

beforeEach(installI18n);

async function setup() {
  const { client } = realClient();
  const model = createWatchlistsModel(client);
  await model.refresh();
  const fetchFn = recordedFetch();
  const openOptions = vi.fn();
  render(<WelcomeApp model={model} tvmaze={createTvmazeClient(fetchFn)} openOptions={openOptions} />);
  return { client, fetchFn, openOptions };
}

describe('welcome page', () => {
  it('says in two lines what Plot Armor does, what it sends where, and how to reveal', async () => {
    await setup();
    const lines = [...document.querySelectorAll('.welcome-intro')].map((p) => p.textContent);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/blurs every paragraph.*click it.*Tab to its reveal button/);
    expect(lines[1]).toMatch(/sends nothing anywhere, except the show names you search for, which go to TVmaze/);
    expect(screen.getByRole('heading', { name: 'Which shows are you in the middle of?' })).toBeTruthy();
    expect(screen.getByText('None yet: search for one above, or type it in yourself.')).toBeTruthy();
  });

  it('searches TVmaze only when asked, then adds the picked show with the names left checked, and another after it', async () => {
    const { client, fetchFn } = await setup();
    const query = screen.getByRole('searchbox', { name: 'Show name' });
    fireEvent.input(query, { target: { value: '13 Reasons Why' } });
    expect(fetchFn).not.toHaveBeenCalled();
    // The button the user presses to agree is described by what it sends.
    expect(document.getElementById(query.getAttribute('aria-describedby')!)!.textContent).toMatch(/sends the name you typed, and nothing else, to TVmaze/);
    fireEvent.click(screen.getByRole('button', { name: 'Search TVmaze' }));
    fireEvent.click(await screen.findByRole('button', { name: '13 Reasons Why (2017) · Netflix' }));
    const devin = await screen.findByRole('checkbox', { name: 'Devin Druid (Cast)' });
    // The show's own name is the title already: not offered again as a keyword.
    expect((screen.getByRole('checkbox', { name: '13 Reasons Why (Keywords)' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(devin);
    fireEvent.click(screen.getByRole('button', { name: 'Add this show' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Added “13 Reasons Why” with 17 names\./);
    const [list] = await client.call('watchlists/list', {});
    expect(list).toMatchObject({ title: '13 Reasons Why', keywords: [] });
    expect(list!.characters).toContain('Clay Jensen');
    expect(list!.cast).not.toContain('Devin Druid');
    expect(fetchFn.mock.calls.map(([url]) => url)).toEqual([
      'https://api.tvmaze.com/search/shows?q=13%20Reasons%20Why',
      'https://api.tvmaze.com/shows/22036/cast',
    ]);
    await waitFor(() => expect(document.querySelector('.welcome-shows')?.textContent).toMatch(/13 Reasons Why/));
    // Ready for the next show: the search is empty again.
    expect((screen.getByRole('searchbox', { name: 'Show name' }) as HTMLInputElement).value).toBe('');
  });

  it('adds a show typed by hand with no request at all, refuses a duplicate, and ends with Done', async () => {
    const { client, fetchFn, openOptions } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Type a show in myself (no network)' }));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Dark' } });
    fireEvent.input(screen.getByLabelText('Characters'), { target: { value: 'Jonas Kahnwald, Martha Nielsen' } });
    fireEvent.input(screen.getByLabelText('Cast'), { target: { value: 'Louis Hofmann\nLisa Vicari' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add this show' }));
    expect((await screen.findByRole('status')).textContent).toBe('Added “Dark” with 4 names. Add another show, or press Done.');
    expect(await client.call('watchlists/list', {})).toMatchObject([
      { title: 'Dark', characters: ['Jonas Kahnwald', 'Martha Nielsen'], cast: ['Louis Hofmann', 'Lisa Vicari'] },
    ]);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');

    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'dark' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add this show' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/already a watchlist called/);
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add this show' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('A watchlist needs a title.'));
    expect(fetchFn).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    const done = screen.getByRole('heading', { name: 'All set' });
    expect(document.activeElement).toBe(done);
    fireEvent.click(screen.getByRole('link', { name: 'All settings' }));
    expect(openOptions).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Add another show' }));
    expect(screen.getByRole('heading', { name: 'Which shows are you in the middle of?' })).toBeTruthy();
  });

  it('says when TVmaze cannot be reached, in the user’s words', async () => {
    const { client } = realClient();
    const model = createWatchlistsModel(client);
    render(<WelcomeApp model={model} tvmaze={createTvmazeClient(async () => { throw new TypeError('Failed to fetch'); })} openOptions={() => {}} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Show name' }), { target: { value: 'Dark' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search TVmaze' }));
    expect(await screen.findByText('Could not reach TVmaze. Check your connection and try again.')).toBeTruthy();
  });
});
