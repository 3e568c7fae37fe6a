import { describe, expect, it, vi } from 'vitest';
import { createTvmazeClient, TvmazeError, type FetchLike } from '../../../lib/tvmaze/client';
import { declaresDataConsent, SEARCH_CONSENT, withSearchConsent } from '../../../lib/tvmaze/consent';
import { candidatesFor, tvmazeErrorText } from '../../../lib/ui/tvmaze-model';
import { installI18n } from '../../dom/components/helpers';
import { recordedFetch } from '../../dom/components/recorded-fetch';

describe('TVmaze client', () => {
  it('reads a recorded show search', async () => {
    const fetch = recordedFetch();
    const shows = await createTvmazeClient(fetch).searchShows(' 13 Reasons Why ');
    expect(fetch).toHaveBeenCalledWith('https://api.tvmaze.com/search/shows?q=13%20Reasons%20Why');
    expect(shows).toEqual([
      { id: 22036, name: '13 Reasons Why', year: 2017, network: 'Netflix' },
      { id: 34790, name: '13 Reasons Why: Beyond the Reasons', year: 2017, network: 'Netflix' },
    ]);
  });

  it('reads a recorded cast', async () => {
    const cast = await createTvmazeClient(recordedFetch()).castOf(22036);
    expect(cast[0]).toEqual({ person: 'Dylan Minnette', character: 'Clay Jensen' });
    expect(cast).toHaveLength(9);
  });

  it('turns a failed fetch into an offline error, a bad status into a status error', async () => {
    const offline = createTvmazeClient(vi.fn<FetchLike>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(offline.searchShows('Dark')).rejects.toMatchObject({ kind: 'offline' });
    const status = createTvmazeClient(vi.fn<FetchLike>().mockResolvedValue({ ok: false, status: 429, json: async () => ({}) }));
    await expect(status.searchShows('Dark')).rejects.toEqual(new TvmazeError('status', 429));
    const garbage = createTvmazeClient(vi.fn<FetchLike>().mockResolvedValue({ ok: true, status: 200, json: async () => ({ nope: 1 }) }));
    await expect(garbage.castOf(1)).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('skips malformed entries instead of failing', async () => {
    const fetch = vi.fn<FetchLike>().mockResolvedValue({
      ok: true,
      status: 200,
      json: async () => [null, { show: { id: 'x' } }, { show: { id: 5, name: 'Lost', premiered: null, network: { name: 'ABC' } } }],
    });
    expect(await createTvmazeClient(fetch).searchShows('Lost')).toEqual([{ id: 5, name: 'Lost', year: null, network: 'ABC' }]);
  });

  it('offers the show title (unchecked when it is the list title), characters and cast, de-duplicated', () => {
    const show = { id: 1, name: 'Dark', year: 2017, network: 'Netflix' };
    const cast = [
      { person: 'Louis Hofmann', character: 'Jonas Kahnwald' },
      { person: 'Andreas Pietschmann', character: 'Jonas Kahnwald' },
    ];
    expect(candidatesFor(show, cast, 'dark')).toEqual([
      { group: 'keywords', name: 'Dark', checked: false },
      { group: 'characters', name: 'Jonas Kahnwald', checked: true },
      { group: 'cast', name: 'Louis Hofmann', checked: true },
      { group: 'cast', name: 'Andreas Pietschmann', checked: true },
    ]);
  });
});

describe("Firefox's consent to send a searched show's name", () => {
  it('asks before each request and sends nothing when refused', async () => {
    const fetch = recordedFetch();
    const permissions = { request: vi.fn().mockResolvedValueOnce(false).mockResolvedValue(true) };
    const client = createTvmazeClient(withSearchConsent(fetch, permissions));
    const refused = client.searchShows('13 Reasons Why');
    // Asked in the same task as the click that started the search (Firefox's rule for prompts).
    expect(permissions.request).toHaveBeenCalledWith(SEARCH_CONSENT);
    await expect(refused).rejects.toEqual(new TvmazeError('consent'));
    expect(fetch).not.toHaveBeenCalled();
    installI18n();
    expect(tvmazeErrorText(new TvmazeError('consent'))).toMatch(/^Nothing was sent: .*permission/);
    expect(await client.searchShows('13 Reasons Why')).toHaveLength(2);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is only asked for where the manifest declares it (the Firefox build)', async () => {
    expect(declaresDataConsent({ browser_specific_settings: { gecko: { data_collection_permissions: { required: ['none'] } } } })).toBe(true);
    expect(declaresDataConsent({ manifest_version: 3 })).toBe(false);
    expect(declaresDataConsent(undefined)).toBe(false);
    const fetch = recordedFetch();
    expect(withSearchConsent(fetch, null)).toBe(fetch);
  });
});
