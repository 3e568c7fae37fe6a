import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml, DEMO_WATCHLISTS } from '../support/article-page';
import {
  callBackground,
  importThroughOptions,
  launchBrowser,
  openScanned,
  selectedBrowsers,
  type DriverPage,
  type ExtensionBrowser,
} from '../support/browsers';
import { startServer, type TestServer } from '../support/server';

const HIDDEN = ['headline', 'p1', 'p3', 'p4', 'p5', 'p6'];
const READABLE = ['p2', 'p7'];

let server: TestServer;
const open: ExtensionBrowser[] = [];

beforeAll(async () => {
  server = await startServer();
  server.html('/article.html', articleHtml());
});
afterAll(async () => server.close());
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

type Items = Record<string, unknown>;
const syncItems = (page: DriverPage) =>
  page.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<Items> } } } }).chrome.storage.sync.get(null));
const stateOf = (page: DriverPage, id: string) => page.attribute(`#${id}`, 'data-plot-armor');

// Chromium keeps storage.sync in the profile when no Google account is signed in, so a
// second profile stands for a second computer once its storage.sync holds the first
// one's items (as the browser's sync would put them there).
describe.each(selectedBrowsers().filter((name) => name === 'chromium'))('watchlists synced through storage.sync, in %s', (name) => {
  it('writes edits to storage.sync; a second profile merges them and hides the same spoilers', async () => {
    const first = await launchBrowser(name);
    open.push(first);
    const imported = Date.now();
    const options = await importThroughOptions(first, DEMO_WATCHLISTS);
    // The import is written to storage.sync by a sync that starts after it.
    await expect
      .poll(async () => (await callBackground<{ lastSyncedAt: number | null }>(options, 'sync/status', {})).lastSyncedAt ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(imported);
    expect(Object.keys(await syncItems(options))).toEqual(expect.arrayContaining(['watchlists', 'watchlists.0']));
    const items = await syncItems(options);
    const manifest = items.watchlists as { n: number };
    expect(Object.keys(items)).toHaveLength(manifest.n + 1);

    const second = await launchBrowser(name);
    open.push(second);
    const page = await second.openExtensionPage('options.html');
    // The second computer has a list of its own, which it keeps.
    await callBackground(page, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] });
    await page.evaluate(
      (seed) => (globalThis as unknown as { chrome: { storage: { sync: { set(i: Items): Promise<void> } } } }).chrome.storage.sync.set(seed),
      items,
    );
    await expect
      .poll(async () => (await callBackground<{ title: string }[]>(page, 'watchlists/list', {})).map((l) => l.title), { timeout: 15_000 })
      .toEqual(['13 Reasons Why', 'Dark']);
    // The options page shows the merged lists without a reload.
    await expect.poll(() => page.texts('.watchlist'), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('13 Reasons Why')]),
    );

    const article = await openScanned(second, `${server.origin}/article.html`);
    for (const id of HIDDEN) expect.soft(await stateOf(article, id), id).toBe('hidden');
    for (const id of READABLE) expect.soft(await stateOf(article, id), id).toBeNull();

    // And the second computer's own list goes back into storage.sync, merged.
    await expect
      .poll(async () => ((await syncItems(page)).watchlists as { h: string }).h, { timeout: 15_000 })
      .not.toBe((items.watchlists as { h: string }).h);
  }, 90_000);
});
