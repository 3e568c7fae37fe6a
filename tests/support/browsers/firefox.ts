/**
 * The driver for Debian's Firefox ESR: puppeteer-core over WebDriver BiDi, with the
 * MV2 build installed as a temporary add-on (`browser.installExtension`).
 *
 * The extension's pages live at `moz-extension://<uuid>/`, where the uuid is Firefox's
 * per-profile "Internal UUID" for the add-on id. Firefox takes it from the
 * `extensions.webextensions.uuids` pref (a JSON map from add-on id to uuid) and only
 * makes up a new one for an id missing there, so the driver pins it through that pref
 * before installing: the pages' origin is known without asking the browser.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import type { DriverPage, ExtensionBrowser, LaunchOptions, Target } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.PLOT_ARMOR_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
/** The uuid the tests give the add-on (any valid uuid works). */
export const FIREFOX_EXTENSION_UUID = '7c0d9e5a-3f1b-4c2a-9e8d-5b6a4f3c2d10';

/** Throws a message that says how to get what is missing. */
export function assertFirefoxReady(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox was not found at ${FIREFOX_PATH}. Install it with:\n\n    sudo apt-get update && sudo apt-get install -y firefox-esr\n\n(or set FIREFOX_PATH to another Firefox binary).`,
    );
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The Firefox build is missing at ${FIREFOX_EXTENSION_DIR}. Run \`npm run build:firefox\` first.`);
  }
}

const geckoId = (): string => {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('The Firefox manifest has no browser_specific_settings.gecko.id');
  return id;
};

/** Puppeteer's ARIA selector: the accessibility tree's role and name, exact. */
const selectorOf = (target: Target): string =>
  typeof target === 'string' ? target : `::-p-aria([name=${JSON.stringify(target.name)}][role=${JSON.stringify(target.role)}])`;

const POLL_MS = 50;

async function first(page: Page, target: Target, timeout?: number): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(selectorOf(target), { timeout });
  if (!handle) throw new Error(`No element for ${selectorOf(target)}`);
  return handle as ElementHandle<Element>;
}

/** Wraps a puppeteer page in the neutral driver. */
function wrapPuppeteerPage(page: Page): DriverPage {
  // WebDriver BiDi refuses to navigate to moz-extension: URLs unless Firefox runs with
  // --remote-allow-system-access, and even then page.goto() never sees the navigation
  // complete (the tab switches to the extension process), so extension pages are
  // opened with the BiDi command itself and its own wait.
  const context = (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<void> } })
    .browsingContext;
  const url = () => page.evaluate(() => location.href);
  const goto = async (target: string) => {
    if (target.startsWith('moz-extension:')) await context.navigate(target, 'complete');
    else await page.goto(target, { waitUntil: 'load' });
  };
  return {
    goto,
    reload: async () => {
      const current = await url();
      if (current.startsWith('moz-extension:')) await context.navigate(current, 'complete');
      else await page.reload({ waitUntil: 'load' });
    },
    url,
    title: () => page.evaluate(() => document.title),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitForFunction: async (fn, arg, timeout) =>
      void (await page.waitForFunction(fn as never, { timeout, polling: POLL_MS }, arg)),
    waitFor: async (target, timeout) => void (await first(page, target, timeout)),
    attribute: (selector, name) =>
      page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name),
    text: async (target) => (await first(page, target)).evaluate((el) => el.textContent ?? ''),
    texts: (selector) => page.$$eval(selector, (els) => els.map((el) => el.textContent ?? '')),
    count: async (target) => (await page.$$(selectorOf(target))).length,
    click: async (target, options) => {
      const handle = await first(page, target);
      const modifiers = options?.modifiers ?? [];
      for (const key of modifiers) await page.keyboard.down(key);
      try {
        await handle.click();
      } finally {
        for (const key of modifiers) await page.keyboard.up(key);
      }
    },
    fill: async (target, value) => {
      const handle = await first(page, target);
      await handle.click({ count: 3 });
      await handle.evaluate((el) => {
        (el as HTMLInputElement).select?.();
      });
      await page.keyboard.press('Backspace');
      await page.keyboard.type(value);
    },
    setInputFiles: async (selector, file) => {
      const input = (await first(page, selector)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
    },
    press: (key) => page.keyboard.press(key as KeyInput),
    type: (text) => page.keyboard.type(text),
    screenshot: async (selector) => Buffer.from(await (await first(page, selector)).screenshot()),
    addScript: async (source) => void (await page.addScriptTag({ content: source })),
  };
}

/** Launches Firefox ESR headless and installs the MV2 build as a temporary add-on. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertFirefoxReady();
  const id = geckoId();
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'plot-armor-firefox-'));
  const viewport = options.viewport ?? { width: 1100, height: 900 };
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !options.headed,
    userDataDir: profileDir,
    defaultViewport: viewport,
    // Lets BiDi navigate a tab to the extension's own pages (see wrapPuppeteerPage).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_EXTENSION_UUID }),
      // A temporary add-on is gone when Firefox quits. Installed again on the same
      // profile, with the same id and so the same pinned uuid (its storage's origin),
      // it finds its data, as a permanently installed add-on does after a restart.
      // This pref makes sure no uninstall clean-up deletes that data in between.
      'extensions.webextensions.keepStorageOnUninstall': true,
    },
  });
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== id) throw new Error(`Firefox installed ${installed}, expected ${id}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const newPage = async () => wrapPuppeteerPage(await browser.newPage());
  return {
    name: 'firefox',
    extensionOrigin,
    profileDir,
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile && !options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
