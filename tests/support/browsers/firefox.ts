/**
 * The driver for Firefox (ESR on Debian; found by ../find-browser.ts): puppeteer-core over WebDriver BiDi, with the
 * MV2 build installed as a temporary add-on (`browser.installExtension`).
 *
 * The extension's pages live at `moz-extension://<uuid>/`, where the uuid is Firefox's
 * per-profile "Internal UUID" for the add-on id. Firefox takes it from the
 * `extensions.webextensions.uuids` pref (a JSON map from add-on id to uuid) and only
 * makes up a new one for an id missing there, so the driver pins it through that pref
 * before installing: the pages' origin is known without asking the browser.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { nodeFinderEnv, requireBrowser } from '../find-browser';
import type { DriverPage, ExtensionBrowser, LaunchOptions, Target } from './types';

/** Firefox's binary: `FIREFOX_PATH`, or the first found in the usual places (see ../find-browser.ts). */
export const firefoxPath = (): string => requireBrowser('firefox', nodeFinderEnv());
export const FIREFOX_EXTENSION_DIR = resolve(process.env.PLOT_ARMOR_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
/** The uuid the tests give the add-on (any valid uuid works). */
export const FIREFOX_EXTENSION_UUID = '7c0d9e5a-3f1b-4c2a-9e8d-5b6a4f3c2d10';

/** Throws a message that says how to get what is missing. */
export function assertFirefoxReady(): void {
  firefoxPath();
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

/** Puppeteer's selectors: CSS, ARIA (BiDi's accessibility locator: role and exact name) or text. */
const selectorOf = (target: Target): string => {
  if (typeof target === 'string') return target;
  if ('role' in target) return `::-p-aria([name=${JSON.stringify(target.name)}][role=${JSON.stringify(target.role)}])`;
  if ('label' in target) return `::-p-aria([name=${JSON.stringify(target.label)}])`;
  return `::-p-text(${JSON.stringify(target.text)})`;
};

const POLL_MS = 50;
const TIMEOUT_MS = 30_000;

/** Every match; a label names a form field (the <label> itself has the same name). */
async function findAll(page: Page, target: Target): Promise<ElementHandle<Element>[]> {
  const handles = (await page.$$(selectorOf(target))) as ElementHandle<Element>[];
  if (typeof target === 'string' || !('label' in target)) return handles;
  const fields: ElementHandle<Element>[] = [];
  for (const handle of handles) {
    if (await handle.evaluate((el) => el.matches('input, textarea, select, [contenteditable]'))) fields.push(handle);
  }
  return fields;
}

async function first(page: Page, target: Target, timeout = TIMEOUT_MS): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [handle] = await findAll(page, target);
    if (handle) return handle;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${selectorOf(target)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Waits for a new, finished file in `dir` (Firefox writes `<name>.part` until it is done). */
/** Runs `action` with `modifiers` held down. */
async function withModifiers(page: Page, modifiers: readonly KeyInput[] = [], action: () => Promise<void>): Promise<void> {
  for (const key of modifiers) await page.keyboard.down(key);
  try {
    await action();
  } finally {
    for (const key of modifiers) await page.keyboard.up(key);
  }
}

async function nextDownload(dir: string, before: Set<string>): Promise<string> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const done = readdirSync(dir).filter((f) => !before.has(f) && !f.endsWith('.part'));
    if (done.length > 0 && !readdirSync(dir).some((f) => f.endsWith('.part'))) return join(dir, done[0]!);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`No download arrived in ${dir}`);
}

/** Wraps a puppeteer page in the neutral driver. */
function wrapPuppeteerPage(page: Page, downloadsDir: string): DriverPage {
  // WebDriver BiDi refuses to navigate to moz-extension: URLs unless Firefox runs with
  // --remote-allow-system-access, and even then puppeteer's page.goto() times out
  // waiting for that navigation (Firefox 153 ESR, puppeteer 24), though the page loads:
  // extension pages are opened with BiDi's browsingContext.navigate and its own wait.
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
    count: async (target) => (await findAll(page, target)).length,
    click: async (target, options) => {
      const handle = await first(page, target);
      await withModifiers(page, options?.modifiers, () => handle.click());
    },
    clickAt: (x, y, options) => withModifiers(page, options?.modifiers, () => page.mouse.click(x, y)),
    fill: async (target, value) => {
      const handle = await first(page, target);
      await handle.evaluate((el) => {
        (el as HTMLElement).focus();
        (el as HTMLInputElement).select?.();
      });
      await page.keyboard.press('Backspace'); // clears the selection
      await page.keyboard.type(value);
    },
    setInputFiles: async (selector, file) => {
      const input = (await first(page, selector)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
    },
    press: (key) => page.keyboard.press(key as KeyInput),
    type: (text) => page.keyboard.type(text),
    screenshot: async (selector) => Buffer.from(await (await first(page, selector)).screenshot()),
    download: async (action) => {
      const before = new Set(readdirSync(downloadsDir));
      await action();
      return nextDownload(downloadsDir, before);
    },
    route: async (prefix, reply) => {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (!request.url().startsWith(prefix)) return void request.continue();
        const { status, body, contentType, headers } = reply(request.url());
        void request.respond({ status, body, contentType, headers });
      });
    },
    addScript: async (source) => void (await page.addScriptTag({ content: source })),
  };
}

/**
 * Closes the welcome page the extension opens on install, once it is there: the one tab
 * that was not open before (BiDi reports an extension page's URL as about:blank).
 */
async function closeWelcomePage(browser: Browser, before: Set<Page>, timeout = 10_000): Promise<void> {
  for (const end = Date.now() + timeout; Date.now() < end; ) {
    const page = (await browser.pages()).find((p) => !before.has(p));
    if (page) return page.close();
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/** Launches Firefox ESR headless and installs the MV2 build as a temporary add-on. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertFirefoxReady();
  const id = geckoId();
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'plot-armor-firefox-'));
  const viewport = options.viewport ?? { width: 1100, height: 900 };
  const downloadsDir = join(profileDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
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
      // Optional permissions asked for at run time (the data consent TVmaze search asks
      // for) are granted without the prompt, which no driver can answer.
      'extensions.webextOptionalPermissionPrompts': false,
      // Downloads (the options page's export) are saved there without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  try {
    const before = new Set(await browser.pages());
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== id) throw new Error(`Firefox installed ${installed}, expected ${id}`);
    // Installing is a first install (a temporary add-on is gone after a restart): the
    // extension opens its welcome page, which would take the focus from the tests' tabs.
    if (!options.keepWelcome) await closeWelcomePage(browser, before);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const newPage = async () => wrapPuppeteerPage(await browser.newPage(), downloadsDir);
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
