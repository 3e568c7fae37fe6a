import { describe, expect, it } from 'vitest';
import { getSettings, listPausedSites, pauseSite, resumeSite, updateSettings } from '../../../lib/db/settings';
import { DEFAULT_SETTINGS } from '../../../lib/shared/settings';
import { freshDb } from './helpers';

describe('settings', () => {
  it('starts with the defaults', async () => {
    const db = await freshDb();
    expect(DEFAULT_SETTINGS).toEqual({ blurStrength: 'strong', showBadge: true, syncWatchlists: true });
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a partial update and keeps the rest', async () => {
    const db = await freshDb();
    expect(await updateSettings(db, { blurStrength: 'light' })).toEqual({ blurStrength: 'light', showBadge: true, syncWatchlists: true });
    expect(await updateSettings(db, { showBadge: false })).toEqual({ blurStrength: 'light', showBadge: false, syncWatchlists: true });
    expect(await getSettings(db)).toEqual({ blurStrength: 'light', showBadge: false, syncWatchlists: true });
  });

  it('rejects an invalid value and ignores a corrupt stored one', async () => {
    const db = await freshDb();
    // @ts-expect-error invalid on purpose
    await expect(updateSettings(db, { blurStrength: 'medium' })).rejects.toMatchObject({ problem: { code: 'setting-invalid', params: ['blurStrength'] } });
    await db.put('settings', 42, 'blurStrength');
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('paused sites', () => {
  it('pauses, lists sorted and resumes, case-insensitively', async () => {
    const db = await freshDb();
    await pauseSite(db, 'www.Example.com', 10);
    await pauseSite(db, 'news.test', 20);
    await pauseSite(db, 'WWW.EXAMPLE.COM', 30);
    expect(await listPausedSites(db)).toEqual(['news.test', 'www.example.com']);
    expect(await db.get('pausedSites', 'www.example.com')).toEqual({ host: 'www.example.com', pausedAt: 10 });
    await resumeSite(db, 'WWW.example.com');
    await resumeSite(db, 'never-paused.test');
    expect(await listPausedSites(db)).toEqual(['news.test']);
  });

  it('rejects an empty host', async () => {
    const db = await freshDb();
    await expect(pauseSite(db, '  ')).rejects.toMatchObject({ problem: { code: 'host-missing' } });
  });
});
