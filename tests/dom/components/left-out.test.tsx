import { render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options-app';
import { publishPageState } from '../../../lib/background/publish';
import { formatDay } from '../../../lib/ui/dates';
import { createSettingsModel } from '../../../lib/ui/settings-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { quotaStorage } from '../../support/quota-storage';
import { formatMessage, installI18n, realClient } from './helpers';

beforeEach(installI18n);

const fileOf = (watchlists: unknown[]) => JSON.stringify({ format: 'plot-armor', version: 1, watchlists });

/** The options page over a background that publishes into `storage`. */
function optionsWith(storage: { set(items: Record<string, unknown>): Promise<void> }) {
  const { client } = realClient((db) => ({
    publish: async () => {
      await publishPageState(await db(), storage, Date.now());
    },
  }));
  const model = createWatchlistsModel(client);
  render(<OptionsApp model={model} settings={createSettingsModel(client)} download={() => {}} />);
  return model;
}

describe('lists pages do not get', () => {
  it('are named on the options page, in the user’s words', async () => {
    const model = optionsWith(quotaStorage());
    // 20,000 terms of 450 characters: 9 MB, past what pages read.
    const huge = Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(443)}`);
    await model.importText(fileOf([{ title: 'Huge', keywords: huge }, { title: 'Dark', characters: ['Jonas Kahnwald'] }]));
    expect(await screen.findByText(formatMessage('lists_left_off_pages', 'Huge'))).toBeTruthy();
  }, 30_000);

  it('are those storage really left out when other data leaves it less room than the budget', async () => {
    // 2 MB of room: a 1.5 MB list is well within the budget, but not within the room.
    const model = optionsWith(quotaStorage(2 * 1024 * 1024));
    const big = Array.from({ length: 3_300 }, (_, i) => `term ${i} ${'z'.repeat(450)}`);
    await model.importText(fileOf([{ title: 'Big', keywords: big }, { title: 'Dark', characters: ['Jonas Kahnwald'] }]));
    expect(await screen.findByText(formatMessage('lists_left_off_pages', 'Big'))).toBeTruthy();
  }, 30_000);

  it('when storage refuses every copy: the change is saved and said so, and the page says pages are out of date', async () => {
    const storage = quotaStorage();
    let full = false;
    const model = optionsWith({ set: async (items) => (full ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : storage.set(items)) });
    await model.importText(fileOf([{ title: 'Dark', characters: ['Jonas Kahnwald'] }]));
    const day = formatDay(Date.now(), 'en');
    full = true;
    await model.importText(fileOf([{ title: 'Severance', characters: ['Mark Scout'] }]));
    expect(model.notice.value).toEqual({ kind: 'status', text: formatMessage('notice_imported', ['1', '0']) });
    expect(model.lists.value.map((l) => l.title)).toEqual(['Dark', 'Severance']);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(formatMessage('pages_copy_refused', day));
    expect(alert.textContent).not.toMatch(/quota/i);

    // The next change that storage takes brings the pages up to date, and the alert goes.
    full = false;
    await model.importText(fileOf([{ title: 'Andor', characters: ['Cassian Andor'] }]));
    expect(screen.queryByText(formatMessage('pages_copy_refused', day))).toBeNull();
  });

  it('when pages never got a copy, says so without a day', async () => {
    const model = optionsWith({ set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    await model.importText(fileOf([{ title: 'Dark', characters: ['Jonas Kahnwald'] }]));
    expect((await screen.findByRole('alert')).textContent).toBe(formatMessage('pages_copy_refused_never'));
  });
});
