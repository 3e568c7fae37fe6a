/** UI state for the options page's settings and paused sites, loaded from and saved to the background. */
import { signal } from '@preact/signals';
import type { BackgroundClient } from '../shared/client';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { createAttempt } from './attempt';

/** Creates the settings model; call `load()` once. */
export function createSettingsModel(client: BackgroundClient) {
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
  const pausedSites = signal<string[]>([]);
  const error = signal<string | null>(null);
  const attempt = createAttempt(error);
  return {
    settings,
    pausedSites,
    error,
    load: () =>
      attempt(async () => {
        [settings.value, pausedSites.value] = await Promise.all([
          client.call('settings/get', {}),
          client.call('sites/list', {}),
        ]);
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
