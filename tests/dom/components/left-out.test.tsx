import { render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options-app';
import { createSettingsModel } from '../../../lib/ui/settings-model';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { formatMessage, installI18n, realClient } from './helpers';

beforeEach(installI18n);

describe('lists too large for the pages', () => {
  it('are named on the options page, in the user’s words', async () => {
    const { client } = realClient();
    // 20,000 terms of 450 characters: 9 MB, past what pages read.
    const huge = Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(443)}`);
    const text = JSON.stringify({ format: 'plot-armor', version: 1, watchlists: [{ title: 'Huge', keywords: huge }, { title: 'Dark', characters: ['Jonas Kahnwald'] }] });
    const model = createWatchlistsModel(client);
    await model.importText(text);
    render(<OptionsApp model={model} settings={createSettingsModel(client)} download={() => {}} />);
    expect(screen.getByText(formatMessage('lists_left_off_pages', 'Huge'))).toBeTruthy();
  }, 30_000);
});
