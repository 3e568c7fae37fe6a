import { describe, expect, it } from 'vitest';
import { checkSubscriptionUrl, manifestGrants } from '../../../lib/shared/subscription-url';

describe('checkSubscriptionUrl', () => {
  it('accepts https anywhere and http on this computer, and names the site to allow', () => {
    expect(checkSubscriptionUrl(' https://gist.githubusercontent.com/u/abc/raw/dark.json#top ')).toEqual({
      ok: true,
      value: { url: 'https://gist.githubusercontent.com/u/abc/raw/dark.json', host: 'gist.githubusercontent.com', pattern: 'https://gist.githubusercontent.com/*' },
    });
    expect(checkSubscriptionUrl('http://127.0.0.1:8080/list.json')).toMatchObject({ ok: true, value: { pattern: 'http://127.0.0.1/*' } });
  });

  it('refuses other addresses with a sentence for the user', () => {
    expect(checkSubscriptionUrl('')).toEqual({ ok: false, error: 'Paste the address of a watchlist file.' });
    expect(checkSubscriptionUrl('dark.json')).toEqual({ ok: false, error: 'This is not a web address. It should start with https://' });
    expect(checkSubscriptionUrl('http://example.com/a.json')).toEqual({ ok: false, error: 'Plot Armor subscribes only to addresses starting with https://' });
    expect(checkSubscriptionUrl('file:///home/me/a.json')).toMatchObject({ ok: false });
    expect(checkSubscriptionUrl('https://me:secret@example.com/a.json')).toMatchObject({ ok: false, error: expect.stringContaining('user name or password') });
    expect(checkSubscriptionUrl(`https://example.com/${'a'.repeat(2000)}`)).toMatchObject({ ok: false, error: expect.stringContaining('too long') });
  });
});

describe('manifestGrants', () => {
  it('sees a site the manifest already holds (Firefox holds every site), and no other', () => {
    const firefox = { permissions: ['storage'], host_permissions: ['https://api.tvmaze.com/*', 'http://*/*', 'https://*/*'] };
    expect(manifestGrants(firefox, 'https://lists.example/*')).toBe(true);
    expect(manifestGrants(firefox, 'http://127.0.0.1/*')).toBe(true);
    const chrome = { permissions: ['storage'], host_permissions: ['https://api.tvmaze.com/*'] };
    expect(manifestGrants(chrome, 'https://lists.example/*')).toBe(false);
    expect(manifestGrants(chrome, 'https://api.tvmaze.com/*')).toBe(true);
    expect(manifestGrants({ permissions: ['<all_urls>'] }, 'https://lists.example/*')).toBe(true);
  });
});
