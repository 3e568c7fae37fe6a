/**
 * The popup in German, whose words are the longest of the shipped languages, in
 * Chromium started with a German UI: everything fits the popup's width, with no element
 * overflowing and no text cut; the words the content script writes into a page, and the
 * refusals of the background, are German as well. (Chromium only: Debian's Firefox ESR ships English alone,
 * and an extension's language is the browser's.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callBackground, importThroughOptions, launchBrowser, openScanned, selectedBrowsers, type DriverPage, type ExtensionBrowser } from '../support/browsers';
import { startServer, type TestServer } from '../support/server';

const ARTICLE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Jonas Kahnwald erklärt</title></head><body>
  <p id="spoiler" title="Das Ende">Am Ende erfährt Jonas Kahnwald, wer der Fremde ist.</p>
</body></html>`;

let server: TestServer;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  server = await startServer();
  server.html('/artikel.html', ARTICLE);
});
afterAll(async () => server.close());
afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** Every element of the page whose content is wider than its box, or whose box leaves the page. */
const overflowing = (page: DriverPage) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // One pixel of slack: sub-pixel widths round either way.
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)}: content ${el.scrollWidth}px in ${el.clientWidth}px`);
      if (box.right > width + 1 || box.left < -1) found.push(`${describe(el)}: box ${Math.round(box.left)}–${Math.round(box.right)}px, page ${width}px`);
    }
    return found;
  });

describe.each(selectedBrowsers().filter((name) => name === 'chromium'))('the German UI in %s', (name) => {
  it('speaks German on pages, and lays the popup out within its width: no overflow, no cut text', async () => {
    browser = await launchBrowser(name, { locale: 'de', viewport: { width: 360, height: 700 } });
    const options = await browser.openExtensionPage('options.html');
    await callBackground(options, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'] });
    await callBackground(options, 'watchlists/create', {
      title: 'Die Geschichte der Eisenbahnergewerkschaftsversammlung',
      characters: ['Mikkel Nielsen'],
      hideUntil: Date.UTC(2099, 11, 31),
    });
    const article = await openScanned(browser, `${server.origin}/artikel.html`);
    // What the content script writes into the page speaks German too: the hover hint (on a
    // block with a title of its own), the
    // tab's neutral title, and the reveal button's name as a screen reader gets it.
    expect(await article.attribute('#spoiler', 'title')).toBe('Möglicher Spoiler — zum Aufdecken klicken');
    expect(await article.title()).toBe('Möglicher Spoiler · 127.0.0.1');
    const cdp = await article.playwright!.context().newCDPSession(article.playwright!);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const buttons = (nodes as { ignored: boolean; role?: { value?: unknown }; name?: { value?: unknown } }[])
      .filter((n) => !n.ignored && n.role?.value === 'button')
      .map((n) => String(n.name?.value ?? ''));
    expect(buttons).toEqual(['Möglicher Spoiler zu Dark — aufdecken']);
    const popup = await browser.newPage();
    await article.bringToFront();
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    // The popup speaks German: its heading and buttons come from the de catalogue.
    await popup.waitFor({ role: 'heading', name: 'Merklisten' });
    await popup.waitFor({ role: 'button', name: 'Auf dieser Website pausieren' });
    await popup.waitFor({ text: 'Auf dieser Seite verborgen: 1' });
    expect(await overflowing(popup)).toEqual([]);

    // Paused, the panel shows its other (longer) line and the Resume button.
    await popup.click({ role: 'button', name: 'Auf dieser Website pausieren' });
    await popup.waitFor({ role: 'button', name: 'Fortsetzen' });
    expect(await overflowing(popup)).toEqual([]);

    // The check itself sees a label that does not wrap.
    await popup.evaluate(() => {
      const button = document.createElement('button');
      button.style.cssText = 'white-space: nowrap; max-width: 100%; overflow: hidden';
      button.textContent = 'Alle Merklisten exportieren '.repeat(3);
      document.querySelector('main')!.append(button);
    });
    expect(await overflowing(popup)).toEqual([expect.stringMatching(/^button “Alle Merklisten exportieren/)]);
  });

  it('words refused files in German: where the JSON goes wrong, and which entry is bad', async () => {
    browser = await launchBrowser(name, { locale: 'de' });
    const broken = join(mkdtempSync(join(tmpdir(), 'plot-armor-')), 'kaputt.json');
    writeFileSync(broken, '{\n"format": "plot-armor",\n"version": 1 2}');
    const options = await importThroughOptions(browser, broken);
    expect(await options.text('[role="alert"]')).toBe('Diese Datei ist kein gültiges JSON: Der Fehler steht in Zeile 3, Spalte 14.');
    writeFileSync(broken, JSON.stringify({ format: 'plot-armor', version: 1, watchlists: [{ title: 'Dark', cast: 'Louis Hofmann' }] }));
    await options.setInputFiles('input[type="file"]', broken);
    await options.waitFor({ text: 'Merkliste 1 der Datei: „cast“ muss eine Liste von Namen sein.' });
  });
});
