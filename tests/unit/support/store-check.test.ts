import { describe, expect, it } from 'vitest';
import { storeProblems, type StorePackage } from '../../support/store-check';

const README = '| `storage` | why |\n| `tabs` | why |\nhost `https://api.tvmaze.com/*`';
const fakePackage = (overrides: Partial<StorePackage> = {}): StorePackage => ({
  manifest: {
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    permissions: ['storage', 'tabs'],
    host_permissions: ['https://api.tvmaze.com/*'],
  },
  messages: {
    en: { extension_name: { message: 'Plot Armor' }, extension_description: { message: 'Hides TV spoilers.' } },
    de: { extension_name: { message: 'Plot Armor' }, extension_description: { message: 'Verbirgt Spoiler.' } },
  },
  hasFile: () => true,
  code: 'await browser.storage.local.get(); const [tab] = await tabs.query({ active: true });',
  readme: README,
  ...overrides,
});

describe('the Chrome store checks', () => {
  it('pass a package with every icon, short texts, and used, explained permissions', () => {
    expect(storeProblems(fakePackage())).toEqual([]);
  });

  it('name a missing icon size and an icon file missing from the package', () => {
    const pkg = fakePackage({ hasFile: (path) => path !== 'icon/48.png' });
    (pkg.manifest.icons as Record<string, string>)['32'] = '';
    expect(storeProblems(pkg)).toEqual(['no 32×32 icon in the manifest', 'the 48×48 icon icon/48.png is missing from the package']);
  });

  it('refuse a description over 132 characters in any language', () => {
    const pkg = fakePackage();
    pkg.messages.de!.extension_description = { message: 'x'.repeat(133) };
    expect(storeProblems(pkg)).toEqual(['de: the description must have 1 to 132 characters (133)']);
  });

  it('refuse a permission the code does not use, or the README does not explain', () => {
    expect(storeProblems(fakePackage({ code: 'browser.storage.local.get()' }))).toEqual(['permission tabs is not used by the code']);
    expect(storeProblems(fakePackage({ readme: '| `storage` | why |' }))).toEqual([
      'permission tabs has no line in the README\'s permissions table',
      'host permission https://api.tvmaze.com/* is not explained in the README',
    ]);
  });
});
