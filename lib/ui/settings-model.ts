/** UI state for the options page's settings and paused sites, loaded from and saved to the background. */
import { signal } from '@preact/signals';
import type { BackgroundClient } from '../shared/client';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import type { SyncStatus } from '../shared/sync-status';
import { createAttempt } from './attempt';

/** Creates the settings model; call `load()` once. */
export function createSettingsModel(client: BackgroundClient) {
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
  const pausedSites = signal<string[]>([]);
  const sync = signal<SyncStatus | null>(null);
  const error = signal<string | null>(null);
  const attempt = createAttempt(error);
  return {
    settings,
    pausedSites,
    /** What sync says: watchlists that do not fit, a problem with the synced copy. */
    sync,
    error,
    load: () =>
      attempt(async () => {
        let status: SyncStatus & { enabled: boolean };
        [settings.value, pausedSites.value, status] = await Promise.all([
          client.call('settings/get', {}),
          client.call('sites/list', {}),
          client.call('sync/status', {}),
        ]);
        sync.value = status;
      }),
    update: (patch: Partial<Settings>) =>
      attempt(async () => {
        settings.value = await client.call('settings/update', patch);
      }),
    resume: (host: string) =>
      attempt(async () => {
        pausedSites.value = await client.call('sites/resume', { host });
      }),
  };
}

/** The settings model. */
export type SettingsModel = ReturnType<typeof createSettingsModel>;
