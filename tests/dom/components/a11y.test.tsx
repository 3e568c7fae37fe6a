import { fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options-app';
import { PopupApp } from '../../../components/popup-app';
import { WelcomeApp } from '../../../components/welcome-app';
import { createTvmazeClient } from '../../../lib/tvmaze/client';
import { createSettingsModel } from '../../../lib/ui/settings-model';
import { createSiteModel } from '../../../lib/ui/site-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { installI18n, realClient } from './helpers';
import { recordedFetch } from './recorded-fetch';

beforeEach(installI18n);

/** Serious and critical axe violations on the document (color contrast needs layout jsdom lacks). */
async function seriousViolations(): Promise<string[]> {
  document.documentElement.lang = 'en';
  document.title = 'Plot Armor';
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function populated() {
  const { client } = realClient();
  await client.call('watchlists/create', { title: '13 Reasons Why', characters: ['Clay Jensen'], cast: ['Dylan Minnette'], hideUntil: Date.now() + 86_400_000 });
  for (let i = 0; i < 10; i++) await client.call('watchlists/create', { title: `Show ${i} ${'with a very long name '.repeat(i)}` });
  await client.call('sites/pause', { host: 'spoilers.example' });
  return client;
}

describe('accessibility (axe-core)', () => {
  it('does report a violation (the check is not vacuous)', async () => {
    render(<main><input type="text" /><button type="button" /></main>);
    expect((await seriousViolations()).join('\n')).toMatch(/label|button-name/);
  });

  it('finds no serious or critical violations in the options page with a list open', async () => {
    const client = await populated();
    const model = createWatchlistsModel(client);
    const settings = createSettingsModel(client);
    await Promise.all([model.refresh(), settings.load()]);
    model.selectedId.value = model.lists.value[0]!.id;
    await model.remove(model.lists.value[1]!.id); // the undo notice is on screen too
    render(<OptionsApp model={model} settings={settings} tvmaze={createTvmazeClient(recordedFetch())} download={() => {}} />);
    expect(screen.getByRole('status')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('finds no serious or critical violations in the popup with many lists', async () => {
    const client = await populated();
    const model = createWatchlistsModel(client);
    const site = createSiteModel(client, { query: async () => [{ id: 1, url: 'https://news.example.com/' }], sendMessage: async () => null });
    await Promise.all([model.refresh(), site.load()]);
    render(<PopupApp model={model} site={site} tvmaze={createTvmazeClient(recordedFetch())} openOptions={() => {}} />);
    expect(screen.getByRole('searchbox')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('finds no serious or critical violations in the welcome page: searching, reviewing, typing by hand', async () => {
    const { client } = realClient();
    const model = createWatchlistsModel(client);
    await model.refresh();
    render(<WelcomeApp model={model} tvmaze={createTvmazeClient(recordedFetch())} openOptions={() => {}} />);
    expect(await seriousViolations()).toEqual([]);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '13 Reasons Why' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search TVmaze' }));
    fireEvent.click(await screen.findByRole('button', { name: '13 Reasons Why (2017) · Netflix' }));
    await screen.findByRole('checkbox', { name: 'Clay Jensen (Characters)' });
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add this show' }));
    await screen.findByRole('status');
    fireEvent.click(screen.getByRole('button', { name: 'Type a show in myself (no network)' }));
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(await seriousViolations()).toEqual([]);
  });

  it('finds no serious or critical violations in the popup with no watchlists (its "Add a show")', async () => {
    const { client } = realClient();
    const model = createWatchlistsModel(client);
    const site = createSiteModel(client, { query: async () => [{ id: 1, url: 'https://news.example.com/' }], sendMessage: async () => null });
    await Promise.all([model.refresh(), site.load()]);
    render(<PopupApp model={model} site={site} tvmaze={createTvmazeClient(recordedFetch())} openOptions={() => {}} />);
    expect(screen.getByRole('button', { name: 'Search TVmaze' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
