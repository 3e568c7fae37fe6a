import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../lib/background/main';
import { SNAPSHOT_KEY, WORDS_KEY } from '../../../lib/shared/page-state';
import { isTermSnapshot } from '../../../lib/shared/snapshot';

/** WXT's fake browser has no context menus nor messages: small in-memory ones stand in. */
function fakeMenus() {
  const items: { id: string; title: string }[] = [];
  return {
    items,
    removeAll: async () => void items.splice(0),
    create: (props: { id: string; title: string }) => void items.push(props),
    onClicked: { addListener: () => {} },
  };
}

let menus: ReturnType<typeof fakeMenus>;
let api: typeof browser;
const origin = () => fakeBrowser.runtime.getURL('/');
const fromPage = (tabId: number) => ({ url: 'https://news.example/article', tab: { id: tabId }, frameId: 0 });
const fromPopup = () => ({ url: `${origin()}popup.html` });

/** Sends one message to the background's listener, as the browser would, and returns its reply. */
async function send(type: string, data: unknown, sender: object): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, data }, sender, () => {});
  return reply;
}

beforeEach(() => {
  // A fresh IndexedDB for each test: the background opens its database by its real name.
  globalThis.indexedDB = new IDBFactory();
  menus = fakeMenus();
  api = Object.assign(Object.create(fakeBrowser), {
    contextMenus: menus,
    i18n: { getMessage: (key: string) => `msg:${key}` },
  }) as typeof browser;
});

describe('background start-up', () => {
  it('publishes the page state when the extension is installed', async () => {
    startBackground(api);
    expect(await fakeBrowser.storage.local.get(SNAPSHOT_KEY)).toEqual({});
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => {
      const snapshot = (await fakeBrowser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
      expect(isTermSnapshot(snapshot)).toBe(true);
      expect(snapshot).toMatchObject({ v: 2, lists: [], nextChange: null });
    });
    // …with the words content scripts write into pages, in the browser's language.
    expect((await fakeBrowser.storage.local.get(WORDS_KEY))[WORDS_KEY]).toEqual({
      page_reveal_label: ['msg:page_reveal_label'],
      page_hidden_hint: ['msg:page_hidden_hint'],
      page_tab_title: ['msg:page_tab_title'],
    });
    // …and builds the context menu, which lists the watchlists (none yet).
    await vi.waitFor(() =>
      expect(menus.items.map((item) => item.title)).toEqual(['msg:menu_add_to_watchlist', 'msg:menu_no_watchlists']),
    );
  });

  it('answers the extension pages, and republishes after a write', async () => {
    startBackground(api);
    const created = await send('watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] }, fromPopup());
    expect(created).toMatchObject({ ok: true, data: { title: 'Dark' } });
    const snapshot = (await fakeBrowser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
    expect(snapshot).toMatchObject({ v: 2, lists: [{ title: 'Dark', characters: ['Jonas Kahnwald'] }] });
  });

  it('forgets a tab’s counts when the tab starts loading a new page', async () => {
    startBackground(api);
    expect(await send('page/count', { hidden: 4 }, fromPage(7))).toEqual({ ok: true, data: null });
    expect(await send('page/count', { hidden: 2 }, { ...fromPage(7), frameId: 3 })).toEqual({ ok: true, data: null });
    expect(await send('page/count', { hidden: 1 }, fromPage(8))).toEqual({ ok: true, data: null });
    expect(await send('tab/count', { tabId: 7 }, fromPopup())).toEqual({ ok: true, data: 6 });

    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never);
    await vi.waitFor(async () => expect(await send('tab/count', { tabId: 7 }, fromPopup())).toEqual({ ok: true, data: 0 }));
    // Another tab keeps its count, and a tab that only changes its title keeps its own.
    await fakeBrowser.tabs.onUpdated.trigger(8, { title: 'New title' }, { id: 8 } as never);
    expect(await send('tab/count', { tabId: 8 }, fromPopup())).toEqual({ ok: true, data: 1 });
  });
});
