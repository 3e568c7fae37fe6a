/**
 * What a page load costs the page's main thread in Chromium, as the start and real-page
 * benchmarks measure it: CDP ScriptDuration + RecalcStyleDuration at the end of the load,
 * in thread time (`timeDomain: 'threadTicks'`: on a shared machine a descheduled thread
 * is not the page's cost). A benchmark loads each page several times with and without
 * the extension, interleaved, and compares medians.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { callBackground, launchWithExtension, type ExtensionBrowser } from '../tests/support/chromium';

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface MainThreadCost {
  /** Script + style, ms. */
  cost: number;
  script: number;
  style: number;
}

/**
 * Opens `url` in a new tab, waits for `load` and then `settle(page)`, reads the metrics,
 * lets `inspect` look at the page, and closes it.
 */
export async function measureLoad<T>(
  context: BrowserContext,
  url: string,
  settle: (page: Page) => Promise<void>,
  inspect: (page: Page) => Promise<T>,
): Promise<MainThreadCost & T> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const seen = await inspect(page);
  await cdp.detach();
  await page.close();
  const script = (m.ScriptDuration ?? 0) * 1000;
  const style = (m.RecalcStyleDuration ?? 0) * 1000;
  return { cost: script + style, script, style, ...seen };
}

/**
 * Launches Chromium with the extension built in `dir` (this tree's build when undefined)
 * and one watchlist naming `terms`, as the benchmarks that compare builds use it.
 */
export async function launchWithTerms(dir: string | undefined, terms: readonly string[]): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ extensionDir: dir });
  const options = await browser.openExtensionPage('options.html');
  await callBackground(options, 'watchlists/create', { title: 'Bench Show', characters: terms });
  await options.close();
  return browser;
}
