import { describe, expect, it } from 'vitest';
import { problem } from '../../../lib/shared/problem';
import { checkSubscriptionUrl, manifestGrants } from '../../../lib/shared/subscription-url';

describe('checkSubscriptionUrl', () => {
  it('accepts https anywhere and http on this computer, and names the site to allow', () => {
    expect(checkSubscriptionUrl(' https://gist.githubusercontent.com/u/abc/raw/dark.json#top ')).toEqual({
      ok: true,
      value: { url: 'https://gist.githubusercontent.com/u/abc/raw/dark.json', host: 'gist.githubusercontent.com', pattern: 'https://gist.githubusercontent.com/*' },
    });
    expect(checkSubscriptionUrl('http://127.0.0.1:8080/list.json')).toMatchObject({ ok: true, value: { pattern: 'http://127.0.0.1/*' } });
  });

  it('refuses other addresses, saying why', () => {
    const refused = (text: string) => (checkSubscriptionUrl(text) as { error: unknown }).error;
    expect(refused('')).toEqual(problem('subscription-url-empty'));
    expect(refused('dark.json')).toEqual(problem('subscription-url-invalid'));
    expect(refused('http://example.com/a.json')).toEqual(problem('subscription-url-not-https'));
    expect(refused('file:///home/me/a.json')).toEqual(problem('subscription-url-not-https'));
    expect(refused('https://me:secret@example.com/a.json')).toEqual(problem('subscription-url-credentials'));
    expect(refused(`https://example.com/${'a'.repeat(2000)}`)).toEqual(problem('subscription-url-too-long', 2000));
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
