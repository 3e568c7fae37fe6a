/**
 * Faults in real Chromium: the service worker stopped in the middle of an import, lists
 * past storage's quota, and Undo of a long-titled list. Chromium only: stopping the MV3
 * worker takes CDP (`ServiceWorker.stopAllWorkers`), and the 10 MB quota of
 * `storage.local` is Chromium's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectedBrowsers } from '../support/browsers';
import { callBackground, launchWithExtension, stopServiceWorkers, type ExtensionBrowser } from '../support/chromium';
import { startServer, type TestServer } from '../support/server';

const RAW = /listener|message channel|invocation|establish connection|receiving end|kQuotaBytes|quota/i;
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>
  <p id="last">Person249x3 Surname3 finally learns who the stranger is.</p>
  <p id="small">Jonas Kahnwald goes back to 1986.</p>
  <p id="safe">The weather stays grey all weekend.</p>
</body></html>`;

let server: TestServer;
let browser: ExtensionBrowser | null = null;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  server.html('/article.html', ARTICLE);
  dir = mkdtempSync(join(tmpdir(), 'plot-armor-faults-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await browser?.close();
  browser = null;
});

const file = (name: string, watchlists: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ format: 'plot-armor', version: 1, watchlists }));
  return path;
};
const stateOf = (page: Page, id: string) => page.getAttribute(`#${id}`, 'data-plot-armor');
const notice = (page: Page) => page.locator('[role="status"]:not(:empty), [role="alert"]:not(:empty)').first();

/** How many watchlists the database holds, read from an extension page (the worker is not asked). */
const storedCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('plot-armor');
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('watchlists').objectStore('watchlists').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );

/**
 * Fills `storage.local` with other data, from an extension page: `bytes` of it, or
 * (Infinity) as much as the quota takes, so that no larger write fits.
 */
const fillLocalStorage = (page: Page, bytes: number) =>
  page.evaluate(async (wanted) => {
    type Local = { set(i: Record<string, unknown>): Promise<void>; getBytesInUse(keys: null): Promise<number>; QUOTA_BYTES: number };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    if (Number.isFinite(wanted)) return local.set({ 'test.filler': 'f'.repeat(wanted) });
    // The quota counts each key and its value's JSON: fill up to it, a little less at each refusal.
    let size = local.QUOTA_BYTES - (await local.getBytesInUse(null)) - 'test.filler'.length - 2;
    for (;;) {
      try {
        return await local.set({ 'test.filler': 'f'.repeat(size) });
      } catch {
        size -= 8;
      }
    }
  }, bytes);

describe.runIf(selectedBrowsers().includes('chromium'))('faults in chromium', () => {
  it('an import whose worker is stopped once the lists are saved still reaches the pages, and the page says what happened', async () => {
    browser = await launchWithExtension();
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/article.html`);
    const options = await browser.openExtensionPage('options.html');
    await options.locator('h1').first().waitFor();
    const lists = Array.from({ length: 250 }, (_, i) => ({
      title: `Show ${i}`,
      characters: Array.from({ length: 200 }, (_, j) => `Person${i}x${j} Surname${j}`),
    }));
    await options.locator('input[type="file"]').first().setInputFiles(file('many.json', lists));
    // Stop the worker the moment the import's transaction has committed: it is then
    // publishing the page state, which it never finishes.
    await expect.poll(() => storedCount(options), { timeout: 60_000, interval: 5 }).toBe(250);
    await stopServiceWorkers(options);
    await notice(options).waitFor({ timeout: 60_000 });
    expect(await notice(options).textContent()).not.toMatch(RAW);
    await expect.poll(() => options.locator('.watchlist').count(), { timeout: 30_000 }).toBe(250);
    // The restarted worker publishes what its stopped predecessor saved.
    await expect.poll(() => stateOf(article, 'last'), { timeout: 30_000 }).toBe('hidden');
    expect(await stateOf(article, 'safe')).toBeNull();
  });

  it('lists past the storage quota are named, the others reach pages, and later changes still work', async () => {
    browser = await launchWithExtension();
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/article.html`);
    const options = await browser.openExtensionPage('options.html');
    // 25,000 names of 480 characters: 12 MB, past storage.local's 10 MB on their own.
    const huge = Array.from({ length: 25_000 }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(473)}`);
    await options.locator('input[type="file"]').first().setInputFiles(file('huge.json', [{ title: 'Huge', keywords: huge }]));
    await notice(options).waitFor({ timeout: 60_000 });
    expect(await notice(options).textContent()).not.toMatch(RAW);
    await options.getByText(/Too large to hide on pages: Huge\./).waitFor({ timeout: 30_000 });
    // A small import afterwards succeeds and reaches the open page.
    await options.locator('input[type="file"]').first().setInputFiles(file('small.json', [{ title: 'Dark', characters: ['Jonas Kahnwald'] }]));
    await options.getByText('Imported: 1 new, 0 merged.').waitFor({ timeout: 60_000 });
    await expect.poll(() => stateOf(article, 'small'), { timeout: 30_000 }).toBe('hidden');
    const titles = await callBackground<{ title: string }[]>(options, 'watchlists/list', {});
    expect(titles.map((l) => l.title)).toEqual(['Dark', 'Huge']);
  });

  it('when other data leaves storage less room, the lists it really left out are named and the others reach pages', async () => {
    browser = await launchWithExtension();
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/article.html`);
    const options = await browser.openExtensionPage('options.html');
    await options.locator('h1').first().waitFor();
    // 9 MB of other data: about 1 MB of the 10 MB quota is left for the pages' copy.
    await fillLocalStorage(options, 9_000_000);
    // 1.5 MB of terms: far under the pages' budget, over the room that is left.
    const big = Array.from({ length: 3_300 }, (_, i) => `term ${i} ${'z'.repeat(450)}`);
    await options.locator('input[type="file"]').first().setInputFiles(
      file('big.json', [{ title: 'Big', keywords: big }, { title: 'Dark', characters: ['Jonas Kahnwald'] }]),
    );
    await options.getByText('Imported: 2 new, 0 merged.').waitFor({ timeout: 60_000 });
    await options.getByText(/Too large to hide on pages: Big\./).waitFor({ timeout: 30_000 });
    await expect.poll(() => stateOf(article, 'small'), { timeout: 30_000 }).toBe('hidden');
  });

  it('when storage refuses even a copy without lists, the change is saved, the options page says pages are out of date, and room brings them up to date', async () => {
    browser = await launchWithExtension();
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/article.html`);
    const options = await browser.openExtensionPage('options.html');
    await options.locator('h1').first().waitFor();
    await fillLocalStorage(options, Infinity);
    // A paused site makes even the copy without lists larger than the one pages have.
    await callBackground(options, 'sites/pause', { host: 'example.com' });
    await options.locator('input[type="file"]').first().setInputFiles(file('dark.json', [{ title: 'Dark', characters: ['Jonas Kahnwald'] }]));
    await options.getByText('Imported: 1 new, 0 merged.').waitFor({ timeout: 60_000 });
    const alert = options.getByRole('alert').filter({ hasText: 'Pages are not getting your latest changes' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).not.toMatch(RAW);
    expect(await stateOf(article, 'small')).toBeNull();
    // Room again: the next change reaches the pages and the alert goes.
    await options.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('test.filler'));
    await options.locator('input[type="file"]').first().setInputFiles(file('andor.json', [{ title: 'Andor', characters: ['Cassian Andor'] }]));
    await options.getByText('Imported: 1 new, 0 merged.').waitFor({ timeout: 60_000 });
    await alert.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => stateOf(article, 'small'), { timeout: 30_000 }).toBe('hidden');
  });

  it('Undo after deleting a long-titled imported list puts it back', async () => {
    browser = await launchWithExtension();
    const options = await browser.openExtensionPage('options.html');
    const title = `L${'o'.repeat(498)}g`;
    await options.locator('input[type="file"]').first().setInputFiles(file('long.json', [{ title, characters: ['n'.repeat(500)] }]));
    await options.getByText('Imported: 1 new, 0 merged.').waitFor({ timeout: 30_000 });
    await options.getByRole('button', { name: `Edit “${title}”` }).click();
    await options.getByRole('button', { name: `Delete “${title}”` }).click();
    await options.getByRole('button', { name: 'Undo' }).click();
    await options.getByRole('status').filter({ hasText: 'Restored' }).waitFor({ timeout: 30_000 });
    const lists = await callBackground<{ title: string }[]>(options, 'watchlists/list', {});
    expect(lists.map((l) => l.title)).toEqual([title]);
  });
});
