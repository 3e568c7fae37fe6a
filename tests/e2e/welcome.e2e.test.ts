/**
 * A new viewer's first minutes, in Chromium: installing opens the welcome page; the
 * viewer searches TVmaze (answered from tests/fixtures/tvmaze, no network), picks the
 * show, reviews the names, adds it, types a second show by hand, with the keyboard
 * alone; a page naming them is hidden. The welcome page in the dark theme goes to
 * .output/screenshots/ with the others.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectedBrowsers } from '../support/browsers';
import { launchWithExtension, welcomePage, type ExtensionBrowser } from '../support/chromium';
import { startServer, type TestServer } from '../support/server';

const SHOTS = '.output/screenshots';
const FIXTURES: Record<string, string> = {
  'https://api.tvmaze.com/search/shows?q=13%20Reasons%20Why': 'search-shows-13-reasons-why.json',
  'https://api.tvmaze.com/shows/22036/cast': 'shows-22036-cast.json',
};

let server: TestServer;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  server = await startServer();
  server.html('/news.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TV news</title></head><body>
    <p id="clay">Clay Jensen listens to the last tape.</p>
    <p id="jonas">Jonas Kahnwald finally meets the stranger.</p>
    <p id="safe">Rain all weekend, say forecasters.</p></body></html>`);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => server.close());
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** Answers TVmaze from the fixtures; records what was asked. */
async function routeTvmaze(context: BrowserContext): Promise<string[]> {
  const requested: string[] = [];
  await context.route('https://api.tvmaze.com/**', (route) => {
    const url = route.request().url();
    requested.push(url);
    const file = FIXTURES[url];
    return file
      ? route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(join('tests/fixtures/tvmaze', file), 'utf8') })
      : route.fulfill({ status: 404, body: '{}' });
  });
  return requested;
}

/** Presses Tab until the focused element's accessible text matches `pattern`. */
async function tabTo(page: Page, pattern: RegExp): Promise<void> {
  const focused = () => page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const label = el?.getAttribute('aria-label') ?? [...(el?.labels ?? [])].map((l) => l.textContent).join(' ');
    return `${el?.tagName ?? ''} ${label.trim()} ${el?.id ?? ''} ${(el?.textContent ?? '').trim()}`;
  });
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (pattern.test(await focused())) return;
  }
  throw new Error(`Tab never reached ${pattern}; last: ${await focused()}`);
}

describe.each(selectedBrowsers().filter((name) => name === 'chromium'))('the welcome page in %s', () => {
  it('opens on install; a show found on TVmaze and one typed by hand, keyboard only, hide a page', async () => {
    browser = await launchWithExtension({ keepWelcome: true, viewport: { width: 900, height: 1000 } });
    const requested = await routeTvmaze(browser.context);
    const welcome = await welcomePage(browser.context);
    expect(welcome).not.toBeNull();
    const page = welcome!;
    await page.bringToFront();
    await page.getByRole('heading', { name: 'Which shows are you in the middle of?' }).waitFor();

    await tabTo(page, /^INPUT Show name/);
    await page.keyboard.type('13 Reasons Why');
    expect(requested).toEqual([]); // nothing is sent before the user presses Search
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '13 Reasons Why (2017) · Netflix' }).waitFor();
    await tabTo(page, /^BUTTON .*13 Reasons Why \(2017\)/);
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Devin Druid (Cast)' }).waitFor();
    await tabTo(page, /^INPUT .*Devin Druid/);
    await page.keyboard.press('Space'); // untick one name
    await tabTo(page, /^BUTTON .*Add this show/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added “13 Reasons Why”' }).waitFor();

    await tabTo(page, /^BUTTON .*Type a show in myself/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^INPUT .*-title/);
    await page.keyboard.type('Dark');
    await tabTo(page, /^TEXTAREA .*-characters/);
    await page.keyboard.type('Jonas Kahnwald');
    await tabTo(page, /^BUTTON .*Add this show/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added “Dark” with 1 name.' }).waitFor();
    expect(requested).toHaveLength(2); // the search and the cast; typing by hand sent nothing

    await tabTo(page, /^BUTTON .*Done/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'All set' }).waitFor();
    expect(await page.locator('.welcome-shows li').allTextContents()).toEqual([
      expect.stringMatching(/^13 Reasons Why/),
      expect.stringMatching(/^Dark/),
    ]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 27, 34)');
    await page.screenshot({ path: join(SHOTS, 'welcome-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    const news = await browser.context.newPage();
    await news.goto(`${server.origin}/news.html`);
    await news.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
    expect(await news.locator('#clay').getAttribute('data-plot-armor')).toBe('hidden');
    expect(await news.locator('#jonas').getAttribute('data-plot-armor')).toBe('hidden');
    expect(await news.locator('#safe').getAttribute('data-plot-armor')).toBeNull();
  });

  it('the popup with no watchlists offers the same search', async () => {
    browser = await launchWithExtension({ viewport: { width: 360, height: 700 } });
    const requested = await routeTvmaze(browser.context);
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('heading', { name: 'Add a show' }).waitFor();
    await popup.getByRole('searchbox', { name: 'Show name' }).fill('13 Reasons Why');
    await popup.getByRole('button', { name: 'Search TVmaze' }).click();
    await popup.getByRole('button', { name: '13 Reasons Why (2017) · Netflix' }).click();
    await popup.getByRole('button', { name: 'Add this show' }).click();
    // The popup turns into its usual self, with the new list.
    await popup.getByRole('switch', { name: '13 Reasons Why' }).waitFor();
    expect(requested).toHaveLength(2);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });
});
