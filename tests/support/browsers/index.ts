/**
 * Which browsers the end-to-end suite runs in, how to launch each with the built
 * extension, and the steps every test shares (calling the background, importing a file).
 */
import { assertChromiumReady } from '../chromium';
import { launchChromium } from './chromium';
import { assertFirefoxReady, launchFirefox } from './firefox';
import type { BrowserName, DriverPage, ExtensionBrowser, LaunchOptions } from './types';

export type { BrowserName, DriverPage, ExtensionBrowser, LaunchOptions, Target } from './types';

export const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** The browsers named by `E2E_BROWSER` (`chromium`, `firefox`, `all` or a comma list; default all). */
export function selectedBrowsers(value = process.env.E2E_BROWSER ?? 'all'): BrowserName[] {
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || names.includes('all')) return [...ALL_BROWSERS];
  for (const name of names) {
    if (!ALL_BROWSERS.includes(name as BrowserName)) {
      throw new Error(`Unknown browser "${name}": use ${ALL_BROWSERS.join(', ')} or all`);
    }
  }
  return ALL_BROWSERS.filter((name) => names.includes(name));
}

/** Throws, with install instructions, when a browser or its build is missing. */
export function assertBrowserReady(name: BrowserName): void {
  if (name === 'chromium') assertChromiumReady();
  else assertFirefoxReady();
}

/** Starts `name` with the built extension loaded. */
export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/**
 * Sends one protocol message from an extension page, as the popup or options page would.
 * Firefox's promise-returning API is `browser.*` (its `chrome.*` takes callbacks).
 */
export async function callBackground<T = unknown>(page: DriverPage, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(async ([t, d]) => {
    type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    return (g.browser ?? g.chrome).runtime.sendMessage({ type: t, data: d });
  }, [type, data] as const);
  const r = reply as { ok: boolean; data?: T; error?: unknown };
  if (!r.ok) throw new Error(`${type}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** Imports a watchlist file through the options page's file input, as a user would. */
export async function importThroughOptions(browser: ExtensionBrowser, file: string): Promise<DriverPage> {
  const page = await browser.openExtensionPage('options.html');
  await page.setInputFiles('input[type="file"]', file);
  await page.waitFor('[role="status"]:not(:empty), [role="alert"]:not(:empty)');
  return page;
}

/** Opens `url` and waits until the content script has scanned it. */
export async function openScanned(browser: ExtensionBrowser, url: string): Promise<DriverPage> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
  return page;
}
