/**
 * Starts Chromium (found by ./find-browser.ts) with the built extension loaded, through playwright-core.
 * Used by the end-to-end tests, the benchmark and the demo.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { nodeFinderEnv, requireBrowser } from './find-browser';

export const EXTENSION_DIR = resolve(process.env.PLOT_ARMOR_EXTENSION_DIR ?? '.output/chrome-mv3');

/** Chromium's binary: `CHROMIUM_PATH`, or the first found in the usual places (see ./find-browser.ts). */
export const chromiumPath = (): string => requireBrowser('chromium', nodeFinderEnv());

/** Throws a message that says how to get what is missing. */
export function assertChromiumReady(): void {
  chromiumPath();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The built extension is missing at ${EXTENSION_DIR}. Run \`npm run build\` first.`);
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (waits for it to be running again after a stop). */
  worker(): Promise<Worker>;
  /** Opens one of the extension's pages, e.g. `options.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser; removes the profile unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to test that data survives a restart). */
  userDataDir?: string;
  /** Show a window (the demo without --screenshot). */
  headed?: boolean;
  /** Load the extension (false: the same browser without it, for baselines). */
  withExtension?: boolean;
  /** Another build of the extension (a benchmark comparing two builds in one run); `EXTENSION_DIR` by default. */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** The UI language (`de`, `pt-BR`…), which picks the extension's messages. */
  locale?: string;
  /**
   * Keep the browser off the network: no host name resolves but 127.0.0.1, and every
   * request to another host is aborted (saved real pages name many).
   */
  offline?: boolean;
  /** Leave open the welcome page a first install opens (closed by default, so tests start from one tab). */
  keepWelcome?: boolean;
}

/** The page the extension opens on a first install, once it is there (`null` after `timeout` ms). */
export async function welcomePage(context: BrowserContext, timeout = 10_000): Promise<Page | null> {
  for (const end = Date.now() + timeout; Date.now() < end; ) {
    const page = context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (page) return page;
    await new Promise((done) => setTimeout(done, 50));
  }
  return null;
}

/** Whether a URL may be fetched by an offline browser: the loopback server, the extension, data. */
const isLocal = (url: URL): boolean =>
  !/^(https?|wss?|ftp):$/.test(url.protocol) || url.hostname === '127.0.0.1';

/** Launches Chromium with the unpacked extension from `.output/chrome-mv3`. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertChromiumReady();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const executablePath = chromiumPath();
  const withExtension = options.withExtension ?? true;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'plot-armor-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
  ];
  if (!options.headed) args.unshift('--headless=new');
  // On Linux Chromium takes its UI language from LANGUAGE; --lang is read elsewhere.
  if (options.locale) args.push(`--lang=${options.locale}`);
  if (options.offline) args.push('--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: false,
    args,
    viewport: options.viewport ?? { width: 1100, height: 900 },
    ...(options.locale ? { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale.replace('-', '_') } } : {}),
  });
  if (options.offline) await context.route((url) => !isLocal(url), (route) => route.abort('blockedbyclient'));
  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const extensionId = withExtension ? new URL((await worker()).url()).host : '';
  // A fresh profile is a first install: the extension opens its welcome page, which would
  // take the focus from the tests' own tabs.
  if (withExtension && !options.userDataDir && !options.keepWelcome) await (await welcomePage(context))?.close();
  return {
    context,
    extensionId,
    userDataDir,
    worker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Imports a watchlist file through the options page's file input, as a user would. */
export async function importThroughOptions(browser: ExtensionBrowser, file: string): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await page.locator('[role="status"], [role="alert"]').first().waitFor();
  return page;
}

/** Stops the extension's service worker through CDP, as the browser does when it idles. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Sends one protocol message from an extension page, as the popup or options page would. */
export async function callBackground<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([t, d]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, data: d }),
    [type, data] as const,
  );
  const r = reply as { ok: boolean; data?: T; error?: unknown };
  if (!r.ok) throw new Error(`${type}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}
