import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../../components/settings-panel';
import { SYNC_REPORT_KEY } from '../../../lib/shared/sync-status';
import { followSync } from '../../../lib/ui/follow-sync';
import { createSettingsModel } from '../../../lib/ui/settings-model';
import { installI18n, realClient } from './helpers';

beforeEach(installI18n);

describe('the sync setting and what sync reports', () => {
  it('is on by default and can be turned off', async () => {
    const { client } = realClient();
    const settings = createSettingsModel(client);
    await settings.load();
    render(<SettingsPanel settings={settings} />);
    const box = screen.getByRole('checkbox', { name: /Sync watchlists through your browser account/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(async () => expect((await client.call('settings/get', {})).syncWatchlists).toBe(false));
    expect((await client.call('sync/status', {})).enabled).toBe(false);
  });

  it('names the watchlists that are not synced and says when the synced copy was damaged', async () => {
    const { client } = realClient();
    const settings = createSettingsModel(client);
    await settings.load();
    render(<SettingsPanel settings={settings} />);
    const listeners: ((c: Record<string, { newValue?: unknown }>, area: string) => void)[] = [];
    let merged = 0;
    followSync(
      { addListener: (l) => listeners.push(l), removeListener: () => {} },
      { onStatus: (status) => (settings.sync.value = status), onMerged: () => merged++ },
      new AbortController().signal,
    );
    const status = { unsynced: ['Dark', 'Lost'], problem: 'corrupt' as const, lastSyncedAt: 1 };
    for (const l of listeners) l({ [SYNC_REPORT_KEY]: { newValue: { status, mergedAt: 5 } } }, 'local');
    expect(await screen.findByText(/These watchlists are not synced: Dark, Lost\./)).toBeTruthy();
    expect(screen.getByText(/The synced copy of your watchlists was damaged or incomplete, so it was not used/)).toBeTruthy();
    expect(merged).toBe(1);
    for (const l of listeners) l({ other: { newValue: 1 } }, 'local');
    expect(merged).toBe(1);
  });
});
