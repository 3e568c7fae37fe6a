/**
 * The driver for Debian's Chromium: playwright-core over CDP, with the MV3 build
 * loaded unpacked (see ../chromium.ts, shared with the demo and the benchmark).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension } from '../chromium';
import type { DriverPage, ExtensionBrowser, LaunchOptions, Target } from './types';

type Role = Parameters<Page['getByRole']>[0];

const all = (page: Page, target: Target): Locator => {
  if (typeof target === 'string') return page.locator(target);
  if ('role' in target) return page.getByRole(target.role as Role, { name: target.name, exact: true });
  if ('label' in target) return page.getByLabel(target.label, { exact: true });
  return page.getByText(target.text);
};
const locate = (page: Page, target: Target): Locator => all(page, target).first();

/** Wraps a Playwright page in the neutral driver. */
export function wrapPlaywrightPage(page: Page): DriverPage {
  return {
    playwright: page,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    title: () => page.title(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitForFunction: async (fn, arg, timeout) => void (await page.waitForFunction(fn as never, arg, { timeout })),
    waitFor: (target, timeout) => locate(page, target).waitFor({ timeout }),
    attribute: (selector, name) => page.locator(selector).first().getAttribute(name),
    text: async (target) => (await locate(page, target).textContent()) ?? '',
    texts: (selector) => page.locator(selector).allTextContents(),
    count: (target) => all(page, target).count(),
    click: (target, options) => locate(page, target).click({ modifiers: options?.modifiers }),
    clickAt: async (x, y, options) => {
      const modifiers = options?.modifiers ?? [];
      for (const key of modifiers) await page.keyboard.down(key);
      try {
        await page.mouse.click(x, y);
      } finally {
        for (const key of modifiers) await page.keyboard.up(key);
      }
    },
    fill: (target, value) => locate(page, target).fill(value),
    setInputFiles: (selector, file) => page.locator(selector).first().setInputFiles(file),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: (selector) => page.locator(selector).first().screenshot(),
    download: async (action) => {
      const [download] = await Promise.all([page.waitForEvent('download'), action()]);
      const file = join(mkdtempSync(join(tmpdir(), 'plot-armor-download-')), download.suggestedFilename());
      await download.saveAs(file);
      return file;
    },
    // The context's routing also reaches requests an extension page makes.
    route: async (prefix, reply) => {
      await page.context().route(
        (url) => url.href.startsWith(prefix),
        (route) => {
          const { status, body, contentType, headers } = reply(route.request().url());
          return route.fulfill({ status, body, contentType, headers });
        },
      );
    },
    addScript: async (source) => void (await page.addScriptTag({ content: source })),
  };
}

/** Launches Chromium with the MV3 build. */
export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({
    userDataDir: options.profileDir,
    headed: options.headed,
    viewport: options.viewport,
    locale: options.locale,
    keepWelcome: options.keepWelcome,
    offline: options.offline,
  });
  const extensionOrigin = `chrome-extension://${browser.extensionId}`;
  return {
    name: 'chromium',
    extensionOrigin,
    profileDir: browser.userDataDir,
    newPage: async () => wrapPlaywrightPage(await browser.context.newPage()),
    openExtensionPage: async (path) => wrapPlaywrightPage(await browser.openExtensionPage(path)),
    close: (closeOptions) => browser.close(closeOptions),
  };
}
