import type { IDBPDatabase } from 'idb';
import { problem, ProblemError } from '../shared/problem';
import type { PlotArmorDB } from './schema';
import { DEFAULT_SETTINGS, isBlurStrength, type Settings } from '../shared/settings';
import { inWriteTx } from './write-tx';

type Db = IDBPDatabase<PlotArmorDB>;

const validators: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  blurStrength: isBlurStrength,
  showBadge: (value): value is boolean => typeof value === 'boolean',
  syncWatchlists: (value): value is boolean => typeof value === 'boolean',
};

const SETTING_KEYS = Object.keys(validators) as (keyof Settings)[];

/** The current settings; stored values that are missing or invalid fall back to the defaults. */
export async function getSettings(db: Db): Promise<Settings> {
  const tx = db.transaction('settings', 'readonly');
  const values = await Promise.all(SETTING_KEYS.map((key) => tx.store.get(key)));
  await tx.done;
  const settings: Settings = { ...DEFAULT_SETTINGS };
  SETTING_KEYS.forEach((key, i) => assign(settings, key, values[i]));
  return settings;
}

/** Saves the given settings (one transaction) and returns all settings; rejects invalid values. */
export async function updateSettings(db: Db, patch: Partial<Settings>): Promise<Settings> {
  for (const key of SETTING_KEYS) {
    const value = patch[key];
    if (value !== undefined && !validators[key](value)) {
      throw new ProblemError(problem('setting-invalid', key));
    }
  }
  await inWriteTx(db, 'settings', async (tx) => {
    const writes = SETTING_KEYS.filter((key) => patch[key] !== undefined).map((key) =>
      tx.store.put(patch[key], key),
    );
    await Promise.all(writes);
  });
  return getSettings(db);
}

/** Pauses hiding on `host` (case-insensitive); re-pausing a paused host keeps its start time. */
export async function pauseSite(db: Db, host: string, now = Date.now()): Promise<void> {
  const key = hostKey(host);
  await inWriteTx(db, 'pausedSites', async (tx) => {
    if ((await tx.store.getKey(key)) === undefined) {
      await tx.store.put({ host: key, pausedAt: now });
    }
  });
}

/** Resumes hiding on `host`; a host that was not paused is ignored. */
export async function resumeSite(db: Db, host: string): Promise<void> {
  const key = hostKey(host);
  await inWriteTx(db, 'pausedSites', (tx) => tx.store.delete(key));
}

/** The hosts on which hiding is paused, sorted. */
export async function listPausedSites(db: Db): Promise<string[]> {
  return db.getAllKeys('pausedSites');
}

function hostKey(host: string): string {
  const key = host.trim().toLowerCase();
  if (key === '') throw new ProblemError(problem('host-missing'));
  return key;
}

function assign<K extends keyof Settings>(settings: Settings, key: K, value: unknown): void {
  if (validators[key](value)) settings[key] = value;
}
