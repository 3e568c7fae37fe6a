import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options-app';
import { createSettingsModel } from '../../../lib/ui/settings-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { installI18n, realClient } from './helpers';

beforeEach(installI18n);

async function setup() {
  const { client } = realClient();
  const model = createWatchlistsModel(client);
  const settings = createSettingsModel(client);
  await Promise.all([model.refresh(), settings.load()]);
  render(<OptionsApp model={model} settings={settings} download={() => {}} />);
  return { client, model, settings };
}

async function createList(title: string) {
  const input = screen.getByLabelText('New watchlist (show title)');
  fireEvent.input(input, { target: { value: title } });
  fireEvent.submit(input.closest('form')!);
  await screen.findByRole('heading', { name: title, level: 2 });
}

describe('options page', () => {
  it('refuses an empty title with a message on the field', async () => {
    const { client } = await setup();
    const input = screen.getByLabelText('New watchlist (show title)');
    fireEvent.input(input, { target: { value: '   ' } });
    fireEvent.submit(input.closest('form')!);
    expect(await screen.findByText('A watchlist needs a title.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await client.call('watchlists/list', {})).toEqual([]);
  });

  it('shows the background’s refusal of a duplicate title next to the field', async () => {
    await setup();
    await createList('Dark');
    const input = screen.getByLabelText('New watchlist (show title)');
    fireEvent.input(input, { target: { value: 'dark' } });
    fireEvent.submit(input.closest('form')!);
    expect(await screen.findByText('There is already a watchlist called “dark”.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelectorAll('.watchlist')).toHaveLength(1);
  });

  it('creates a list, opens it in the editor, adds and removes terms as chips', async () => {
    const { client } = await setup();
    await createList('13 Reasons Why');
    const characters = screen.getByRole('textbox', { name: 'Add to Characters' });
    fireEvent.input(characters, { target: { value: 'Clay Jensen' } });
    fireEvent.keyDown(characters, { key: 'Enter' });
    fireEvent.paste(screen.getByRole('textbox', { name: 'Add to Cast' }), {
      clipboardData: { getData: () => 'Dylan Minnette\nKatherine Langford' },
    });
    await screen.findByRole('button', { name: 'Remove “Katherine Langford”' });
    await screen.findByRole('button', { name: 'Remove “Clay Jensen”' });
    let [list] = await client.call('watchlists/list', {});
    expect(list).toMatchObject({ characters: ['Clay Jensen'], cast: ['Dylan Minnette', 'Katherine Langford'] });

    fireEvent.click(screen.getByRole('button', { name: 'Remove “Dylan Minnette”' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove “Dylan Minnette”' })).toBeNull());
    [list] = await client.call('watchlists/list', {});
    expect(list!.cast).toEqual(['Katherine Langford']);
  });

  it('renames, and refuses a rename to a taken title', async () => {
    const { client } = await setup();
    await createList('Dark');
    await createList('Lost');
    const title = screen.getByLabelText('Title');
    fireEvent.input(title, { target: { value: 'Dark' } });
    fireEvent.submit(title.closest('form')!);
    expect(await screen.findByText('There is already a watchlist called “Dark”.')).toBeTruthy();
    fireEvent.input(title, { target: { value: 'Lost (2004)' } });
    fireEvent.submit(title.closest('form')!);
    await screen.findByRole('heading', { name: 'Lost (2004)', level: 2 });
    expect((await client.call('watchlists/list', {})).map((l) => l.title)).toEqual(['Dark', 'Lost (2004)']);
  });

  it('sets name-part matching and a hide-until date', async () => {
    const { client } = await setup();
    await createList('Dark');
    fireEvent.click(screen.getByLabelText('Also match first names and surnames alone'));
    fireEvent.change(screen.getByLabelText('Hide until'), { target: { value: '2031-06-01' } });
    await waitFor(async () => {
      const [list] = await client.call('watchlists/list', {});
      expect(list).toMatchObject({ matchNameParts: false, hideUntil: new Date(2031, 5, 1).getTime() });
    });
    expect(await screen.findByText(/until/)).toBeTruthy();
  });

  it('deletes with undo: the list comes back with its terms', async () => {
    const { client } = await setup();
    await createList('Dark');
    const chars = screen.getByRole('textbox', { name: 'Add to Characters' });
    fireEvent.paste(chars, { clipboardData: { getData: () => 'Jonas Kahnwald, Martha Nielsen' } });
    await screen.findByRole('button', { name: 'Remove “Martha Nielsen”' });

    fireEvent.click(screen.getByRole('button', { name: 'Delete “Dark”' }));
    expect((await screen.findByRole('status')).textContent).toBe('Deleted “Dark”.');
    expect(document.querySelectorAll('.watchlist')).toHaveLength(0);
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);

    fireEvent.click(undo);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Restored “Dark”.'));
    const [list] = await client.call('watchlists/list', {});
    expect(list).toMatchObject({ title: 'Dark', characters: ['Jonas Kahnwald', 'Martha Nielsen'] });
    expect(document.querySelectorAll('.watchlist')).toHaveLength(1);
  });

  it('previews whether a pasted paragraph would be hidden, and for which show', async () => {
    await setup();
    await createList('Dark');
    const chars = screen.getByRole('textbox', { name: 'Add to Characters' });
    fireEvent.input(chars, { target: { value: 'Jonas Kahnwald' } });
    fireEvent.keyDown(chars, { key: 'Enter' });
    await screen.findByRole('button', { name: 'Remove “Jonas Kahnwald”' });
    const preview = screen.getByLabelText('Paste a paragraph to see whether it would be hidden');
    fireEvent.input(preview, { target: { value: 'In the finale, Jonas Kahnwald finally meets himself.' } });
    expect(screen.getByText('Hidden, for: Dark')).toBeTruthy();
    fireEvent.input(preview, { target: { value: 'The weather in Winden is grey.' } });
    expect(screen.getByText('Not hidden: no watchlist matches this text.')).toBeTruthy();
  });

  it('saves settings and resumes a paused site', async () => {
    const { client, settings } = await setup();
    await client.call('sites/pause', { host: 'spoilers.example' });
    await settings.load();
    fireEvent.click(screen.getByLabelText(/^Light/));
    fireEvent.click(screen.getByLabelText('Show the number of hidden paragraphs on the toolbar icon'));
    await waitFor(async () => expect(await client.call('settings/get', {})).toEqual({ blurStrength: 'light', showBadge: false, syncWatchlists: true }));
    const paused = screen.getByRole('list', { name: 'Paused sites' });
    expect(within(paused).getByText('spoilers.example')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume hiding on spoilers.example' }));
    await screen.findByText('Plot Armor hides spoilers on every site.');
    expect(await client.call('sites/list', {})).toEqual([]);
  });

  it('filters a long list of watchlists by title', async () => {
    const { client, model } = await setup();
    for (let i = 1; i <= 9; i++) await client.call('watchlists/create', { title: i === 9 ? 'Severance' : `Show ${i}` });
    await model.refresh();
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Search watchlists' }), { target: { value: 'sever' } });
    expect([...document.querySelectorAll('.watchlist .title')].map((el) => el.textContent)).toEqual(['Severance']);
  });

  it('announces a refused import with the parser’s message, and a good one as a status', async () => {
    await setup();
    const file = document.querySelector('input[type="file"]') as HTMLInputElement;
    const set = (text: string) => {
      Object.defineProperty(file, 'files', { configurable: true, value: [new File([text], 'w.json')] });
      fireEvent.change(file);
    };
    set('{ nope');
    expect((await screen.findByRole('alert')).textContent).toContain('not valid JSON');
    set(JSON.stringify({ format: 'plot-armor', version: 1, watchlists: [{ title: 'Dark' }] }));
    expect((await screen.findByRole('status')).textContent).toContain('Imported');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a file of 50 MB or more before reading it, and keeps what is stored', async () => {
    const { client } = await setup();
    await client.call('watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    let read = false;
    const huge = {
      name: 'huge.json',
      size: 60 * 1024 * 1024,
      text: async () => {
        read = true;
        return '';
      },
    };
    Object.defineProperty(input, 'files', { configurable: true, value: [huge] });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toContain('too large');
    expect(read).toBe(false);
    expect((await client.call('watchlists/list', {})).map((l) => l.characters)).toEqual([['Jonas Kahnwald']]);
  });
});
