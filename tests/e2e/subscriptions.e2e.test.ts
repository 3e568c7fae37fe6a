import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml, DEMO_WATCHLISTS } from '../support/article-page';
import {
  callBackground,
  launchBrowser,
  openScanned,
  selectedBrowsers,
  type DriverPage,
  type ExtensionBrowser,
} from '../support/browsers';
import { startServer, type TestServer } from '../support/server';

const HIDDEN = ['headline', 'p1', 'p3', 'p4', 'p5', 'p6'];
const demo = JSON.parse(readFileSync(DEMO_WATCHLISTS, 'utf8')) as { watchlists: Record<string, unknown>[] };

let server: TestServer;
/** What the subscribed address serves now (a test changes it between updates). */
let served: { status: number; body: string };
const open: ExtensionBrowser[] = [];

beforeAll(async () => {
  server = await startServer();
  server.html('/article.html', articleHtml());
  server.route('/lists/13rw.json', (_req, res) => {
    res.writeHead(served.status, { 'content-type': 'application/json' }).end(served.body);
  });
  const many = Array.from({ length: 100_001 }, (_, i) => `Name ${i}`);
  const huge = JSON.stringify({ format: 'plot-armor', version: 1, watchlists: [{ title: 'Huge', keywords: many }] });
  server.route('/lists/huge.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(huge));
});
afterAll(async () => server.close());
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

const stateOf = (page: DriverPage, id: string) => page.attribute(`#${id}`, 'data-plot-armor');
const fileWith = (keywords: string[]) =>
  JSON.stringify({ format: 'plot-armor', version: 1, watchlists: [{ ...demo.watchlists[0], keywords }] });

/**
 * Stands for the user answering "Allow" in the browser's permission prompt, which a
 * headless browser cannot show: Chromium's extensions page grants the loopback site to
 * the extension, so the page's `permissions.request` is answered at once. Firefox's
 * build holds every site already, and asks nothing.
 */
async function allowLoopback(browser: ExtensionBrowser): Promise<void> {
  if (browser.name !== 'chromium') return;
  const page = await browser.newPage();
  await page.goto('chrome://extensions');
  const id = new URL(browser.extensionOrigin).host;
  await page.evaluate(
    (extensionId) =>
      (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(
        extensionId,
        'http://127.0.0.1/*',
      ),
    id,
  );
  await page.close();
}

async function subscribe(options: DriverPage, url: string): Promise<void> {
  await options.fill({ label: 'Address of a watchlist file' }, url);
  await options.click({ role: 'button', name: 'Subscribe' });
}

describe.each(selectedBrowsers())('subscriptions to a watchlist file served from 127.0.0.1, in %s', (name) => {
  it('subscribes, updates, keeps the old list through a broken update, and refuses a file over the limits', async () => {
    const browser = await launchBrowser(name);
    open.push(browser);
    await allowLoopback(browser);
    served = { status: 200, body: fileWith(['tapes']) };
    const options = await browser.openExtensionPage('options.html');

    await subscribe(options, `${server.origin}/lists/13rw.json`);
    await expect.poll(() => options.text('[role="status"]'), { timeout: 15_000 }).toBe('Subscribed: 1 new, 0 updated.');
    let article = await openScanned(browser, `${server.origin}/article.html`);
    for (const id of HIDDEN) expect.soft(await stateOf(article, id), id).toBe('hidden');
    expect(await stateOf(article, 'p2')).toBeNull();
    await article.close();

    // The file changes: "Update now" brings the new terms, which hide the Deadline paragraph too.
    served = { status: 200, body: fileWith(['tapes', 'The Hollywood Reporter']) };
    await options.click({ role: 'button', name: 'Edit “13 Reasons Why”' });
    await expect.poll(() => options.text('.subscription'), { timeout: 10_000 }).toContain(`${server.origin}/lists/13rw.json`);
    await options.click({ role: 'button', name: 'Update now' });
    await expect.poll(() => options.text('[role="status"]'), { timeout: 15_000 }).toBe('Updated from the file: 0 new, 1 updated.');
    article = await openScanned(browser, `${server.origin}/article.html`);
    expect(await stateOf(article, 'p2')).toBe('hidden');
    await article.close();

    // A broken update: the message is shown, and the list keeps hiding what it hid.
    served = { status: 200, body: '{"format": "plot-armor", "version": 1, "watchlists": ' };
    await options.click({ role: 'button', name: 'Update now' });
    await expect.poll(() => options.text('[role="alert"]'), { timeout: 15_000 }).toMatch(/^This file is not valid JSON/);
    await expect.poll(() => options.text('.subscription-problem'), { timeout: 10_000 }).toMatch(/not valid JSON/);
    article = await openScanned(browser, `${server.origin}/article.html`);
    for (const id of [...HIDDEN, 'p2']) expect.soft(await stateOf(article, id), id).toBe('hidden');
    await article.close();

    // The file disappears: a 404 says so plainly; nothing is lost.
    served = { status: 404, body: 'not found' };
    await options.click({ role: 'button', name: 'Update now' });
    await expect.poll(() => options.text('[role="alert"]'), { timeout: 15_000 }).toBe(
      `There is no file at this address any more (127.0.0.1:${new URL(server.origin).port} answered 404).`,
    );

    // A file over the import limits is refused whole, with the import's message.
    await subscribe(options, `${server.origin}/lists/huge.json`);
    await expect.poll(() => options.text('[role="alert"]'), { timeout: 15_000 }).toBe(
      'This file has too many names (100,001): Plot Armor imports at most 100,000 at once.',
    );
    const lists = await callBackground<{ title: string; subscription?: { terms: { keywords: string[] } } }[]>(options, 'watchlists/list', {});
    expect(lists.map((l) => l.title)).toEqual(['13 Reasons Why']);
    expect(lists[0]!.subscription!.terms.keywords).toEqual(['tapes', 'The Hollywood Reporter']);
  }, 120_000);
});
