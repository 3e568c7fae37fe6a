/**
 * The real options page and popup in Chromium with the built extension: create a list,
 * add terms with Enter, watch an open page get hidden without a reload; pause the site
 * from the popup; export → import round trip. Screenshots of both pages go to
 * .output/screenshots/ (for the README).
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callBackground, launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startServer, type TestServer } from '../support/server';

const SHOTS = '.output/screenshots';
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Winden news</title></head><body>
  <h1 id="headline">Weekend TV</h1>
  <p id="spoiler">In the last episode Jonas Kahnwald finally learns who the stranger is.</p>
  <p id="safe">The weather in the valley stays grey all weekend, say forecasters.</p>
</body></html>`;

let server: TestServer;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  server = await startServer();
  server.html('/article.html', ARTICLE);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => server.close());
afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function openArticle(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}/article.html`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
  return page;
}
const stateOf = (page: Page, id: string) => page.locator(`#${id}`).getAttribute('data-plot-armor');

describe('options page and popup in Chromium', () => {
  it('creates a list, adds terms with Enter, and an open page is hidden without reload', async () => {
    browser = await launchWithExtension();
    const article = await openArticle(browser);
    expect(await stateOf(article, 'spoiler')).toBeNull();

    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('New watchlist (show title)').fill('Dark');
    await options.getByLabel('New watchlist (show title)').press('Enter');
    await options.getByRole('heading', { name: 'Dark', level: 2 }).waitFor();
    const characters = options.getByRole('textbox', { name: 'Add to Characters' });
    await characters.fill('Jonas Kahnwald');
    await characters.press('Enter');
    await options.getByRole('button', { name: 'Remove “Jonas Kahnwald”' }).waitFor();
    await characters.fill('Martha Nielsen,');
    await options.getByRole('button', { name: 'Remove “Martha Nielsen”' }).waitFor();
    expect(await options.locator('.watchlist').allTextContents()).toEqual([expect.stringContaining('Dark')]);

    await expect.poll(() => stateOf(article, 'spoiler'), { timeout: 10_000 }).toBe('hidden');
    expect(await stateOf(article, 'safe')).toBeNull();

    await options.getByLabel('Paste a paragraph to see whether it would be hidden').fill('Martha Nielsen goes back to 1986.');
    await options.getByText('Hidden, for: Dark').waitFor();
    await options.setViewportSize({ width: 1100, height: 1100 });
    await options.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
  });

  it('pauses and resumes the site of the active tab from the popup', async () => {
    browser = await launchWithExtension();
    const setup = await browser.openExtensionPage('options.html');
    await callBackground(setup, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] });
    for (let i = 0; i < 11; i++) await callBackground(setup, 'watchlists/create', { title: `Show ${i + 1}`, hideUntil: i === 0 ? Date.now() + 7 * 86_400_000 : null });
    const article = await openArticle(browser);
    await expect.poll(() => stateOf(article, 'spoiler')).toBe('hidden');

    // The popup opened as a tab: its "active tab" is the article, brought to front before it loads.
    const popup = await browser.context.newPage();
    await article.bringToFront();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText('127.0.0.1').waitFor();
    await expect.poll(() => popup.locator('.site-count').textContent()).toBe('Hidden on this page: 1');
    expect(await popup.getByRole('searchbox', { name: 'Search watchlists' }).count()).toBe(1);

    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(SHOTS, 'popup-dark.png') });
    await popup.emulateMedia({ colorScheme: 'light' });

    await popup.getByRole('button', { name: 'Pause on this site' }).click();
    await popup.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await callBackground(popup, 'sites/list', {})).toEqual(['127.0.0.1']);
    await expect.poll(() => stateOf(article, 'spoiler'), { timeout: 10_000 }).not.toBe('hidden');

    await popup.getByRole('button', { name: 'Resume' }).click();
    await popup.getByRole('button', { name: 'Pause on this site' }).waitFor();
    expect(await callBackground(popup, 'sites/list', {})).toEqual([]);
    await expect.poll(() => stateOf(article, 'spoiler'), { timeout: 10_000 }).toBe('hidden');
  });

  it('reveals everything on the page from the popup', async () => {
    browser = await launchWithExtension();
    const setup = await browser.openExtensionPage('options.html');
    await callBackground(setup, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] });
    const article = await openArticle(browser);
    await expect.poll(() => stateOf(article, 'spoiler')).toBe('hidden');
    const popup = await browser.context.newPage();
    await article.bringToFront();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Reveal all on this page' }).click();
    await expect.poll(() => stateOf(article, 'spoiler')).toBe('revealed');
  });

  it('fills a list from TVmaze (recorded responses, no network)', async () => {
    browser = await launchWithExtension();
    const requested: string[] = [];
    await browser.context.route('https://api.tvmaze.com/**', async (route) => {
      const url = route.request().url();
      requested.push(url);
      const file = url.endsWith('/search/shows?q=13%20Reasons%20Why')
        ? 'search-shows-13-reasons-why.json'
        : url.endsWith('/shows/22036/cast') ? 'shows-22036-cast.json' : null;
      if (!file) return route.fulfill({ status: 404, body: '{}' });
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync(join('tests/fixtures/tvmaze', file), 'utf8'),
      });
    });
    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('New watchlist (show title)').fill('13 Reasons Why');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText('Fill from TVmaze').click();
    expect(requested).toEqual([]);
    await options.getByRole('button', { name: 'Search', exact: true }).click();
    await options.getByRole('button', { name: '13 Reasons Why (2017) · Netflix' }).click();
    await options.getByRole('checkbox', { name: 'Devin Druid (Cast)' }).uncheck();
    await options.getByRole('button', { name: 'Add checked names' }).click();
    await options.getByRole('button', { name: 'Remove “Hannah Baker”' }).waitFor();
    const [list] = await callBackground<{ characters: string[]; cast: string[] }[]>(options, 'watchlists/list', {});
    expect(list!.characters).toContain('Clay Jensen');
    expect(list!.cast).toHaveLength(8);
    expect(requested).toHaveLength(2);
  });

  it('opens the popup with 200 watchlists quickly', async () => {
    browser = await launchWithExtension();
    const options = await browser.openExtensionPage('options.html');
    const watchlists = Array.from({ length: 200 }, (_, i) => ({
      title: i === 0 ? `A${'a'.repeat(300)}rgh` : `Show number ${i} ${'with a long name '.repeat(i % 4)}`,
      characters: Array.from({ length: 20 }, (_, j) => `Character ${i} ${j}`),
      cast: Array.from({ length: 20 }, (_, j) => `Actor ${i} ${j}`),
    }));
    await callBackground(options, 'watchlists/import', { text: JSON.stringify({ format: 'plot-armor', version: 1, watchlists }) });
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      // Time from navigation start until all 200 rows are in the DOM (polled every frame).
      times.push(await popup.waitForFunction(() => document.querySelectorAll('.watchlist').length === 200 && performance.now()).then((h) => h.jsonValue() as Promise<number>));
      // A 300-letter title wraps instead of widening the popup.
      expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await popup.close();
    }
    console.info(`popup with 200 watchlists ready after ${times.map(Math.round).join(', ')} ms`);
    // The target is 150 ms on a desktop; this shared 2-core machine gets slack, but not for per-row work.
    expect(Math.min(...times)).toBeLessThan(400);
  });

  it('works with the keyboard alone: create a list, add a term, delete it and undo', async () => {
    browser = await launchWithExtension();
    const options = await browser.openExtensionPage('options.html');
    const focused = () => options.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.tagName ?? ''} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''} ${el?.id ?? ''}`;
    });
    const tabTo = async (pattern: RegExp) => {
      for (let i = 0; i < 60; i++) {
        await options.keyboard.press('Tab');
        if (pattern.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${pattern}; last: ${await focused()}`);
    };
    await tabTo(/^INPUT .*-title$/); // the new-watchlist title field (first text field)
    await options.keyboard.type('Dark');
    await options.keyboard.press('Enter');
    await options.getByRole('heading', { name: 'Dark', level: 2 }).waitFor();
    await tabTo(/Add to Characters/);
    await options.keyboard.type('Jonas Kahnwald');
    await options.keyboard.press('Enter');
    await options.getByRole('button', { name: 'Remove “Jonas Kahnwald”' }).waitFor();
    await tabTo(/Delete “Dark”/);
    await options.keyboard.press('Enter');
    await options.getByRole('status').getByText('Deleted “Dark”.').waitFor();
    expect(await focused()).toMatch(/^BUTTON Undo/); // focus lands on Undo
    await options.keyboard.press('Enter');
    await options.getByRole('status').getByText('Restored “Dark”.').waitFor();
    const [list] = await callBackground<{ characters: string[] }[]>(options, 'watchlists/list', {});
    expect(list!.characters).toEqual(['Jonas Kahnwald']);
  });

  it('round-trips export → import through the options page', async () => {
    browser = await launchWithExtension();
    const options = await browser.openExtensionPage('options.html');
    await callBackground(options, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'] });
    await options.reload();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export all watchlists' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'plot-armor-')), 'export.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'plot-armor', watchlists: [{ title: 'Dark' }] });

    await callBackground(options, 'watchlists/delete', { id: (await callBackground<{ id: string }[]>(options, 'watchlists/list', {}))[0]!.id });
    await options.locator('input[type="file"]').first().setInputFiles(file);
    expect(await options.getByRole('status').textContent()).toContain('Imported');
    const lists = await callBackground<{ title: string; characters: string[]; cast: string[] }[]>(options, 'watchlists/list', {});
    expect(lists).toMatchObject([{ title: 'Dark', characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'] }]);
  });
});
