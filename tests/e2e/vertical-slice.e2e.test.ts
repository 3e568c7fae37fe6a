import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml, DEMO_WATCHLISTS } from '../support/article-page';
import { importThroughOptions, launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startServer, type TestServer } from '../support/server';

const HIDDEN = ['headline', 'p1', 'p3', 'p4', 'p5', 'p6'];
const READABLE = ['p2', 'p7'];

let server: TestServer;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  server = await startServer();
  server.html('/article.html', articleHtml());
});
afterAll(async () => server.close());
afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function stateOf(page: import('playwright-core').Page, id: string) {
  return page.locator(`#${id}`).getAttribute('data-plot-armor');
}

async function openArticle(b: ExtensionBrowser) {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}/article.html`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
  return page;
}

describe('the 13 Reasons Why article', () => {
  it('hides exactly the paragraphs that name the show, its characters or its cast', async () => {
    browser = await launchWithExtension();
    const options = await importThroughOptions(browser, DEMO_WATCHLISTS);
    expect(await options.getByRole('status').textContent()).toContain('Imported');
    await expect.poll(() => options.locator('.watchlist').allTextContents()).toEqual([
      expect.stringContaining('13 Reasons Why'),
    ]);

    const page = await openArticle(browser);
    for (const id of HIDDEN) expect.soft(await stateOf(page, id), id).toBe('hidden');
    for (const id of READABLE) expect.soft(await stateOf(page, id), id).toBeNull();
    // The blur is real CSS, not just an attribute.
    const filter = await page.locator('#p4').evaluate((el) => getComputedStyle(el).filter);
    expect(filter).toMatch(/blur\(/);
    expect(await page.locator('#p2').evaluate((el) => getComputedStyle(el).filter)).toBe('none');
  });

  it('reveals a paragraph on click, and only that one', async () => {
    browser = await launchWithExtension();
    await importThroughOptions(browser, DEMO_WATCHLISTS);
    const page = await openArticle(browser);
    await page.locator('#p4').click();
    expect(await stateOf(page, 'p4')).toBe('revealed');
    expect(await page.locator('#p4').evaluate((el) => getComputedStyle(el).filter)).toBe('none');
    expect(await stateOf(page, 'p3')).toBe('hidden');
  });

  it('rejects a broken file with a clear message and keeps what was stored', async () => {
    browser = await launchWithExtension();
    await importThroughOptions(browser, DEMO_WATCHLISTS);
    const broken = join(mkdtempSync(join(tmpdir(), 'plot-armor-')), 'broken.json');
    writeFileSync(broken, '{ "format": "plot-armor", "version": 1, "watchlists": [ { "title": ');
    const options = await importThroughOptions(browser, broken);
    expect(await options.getByRole('alert').textContent()).toContain('not valid JSON');
    const page = await openArticle(browser);
    for (const id of HIDDEN) expect.soft(await stateOf(page, id), id).toBe('hidden');
  });

  it('keeps the watchlists across a browser restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'plot-armor-profile-'));
    browser = await launchWithExtension({ userDataDir: profile });
    await importThroughOptions(browser, DEMO_WATCHLISTS);
    await browser.close({ keepProfile: true });
    browser = await launchWithExtension({ userDataDir: profile });
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.locator('.watchlist').allTextContents()).toEqual([
      expect.stringContaining('13 Reasons Why'),
    ]);
    const page = await openArticle(browser);
    expect(await stateOf(page, 'p4')).toBe('hidden');
    expect(await stateOf(page, 'p2')).toBeNull();
  });
});
