/**
 * The demo: serves a local copy of the 13 Reasons Why article, starts Chromium with
 * the built extension and the demo watchlist imported, and opens the article.
 *
 *   npm run demo                        # a browser window; close it to stop
 *   npm run demo -- --screenshot a.png  # headless: saves a picture of the page and exits
 */
import { resolve } from 'node:path';
import { articleHtml, DEMO_WATCHLISTS } from '../tests/support/article-page';
import { importThroughOptions, launchWithExtension } from '../tests/support/chromium';
import { ensureBrowser, nodeFinderEnv } from '../tests/support/find-browser';
import { startServer } from '../tests/support/server';

function screenshotArg(argv: string[]): string | null {
  const i = argv.indexOf('--screenshot');
  if (i === -1) return null;
  const file = argv[i + 1];
  if (!file || file.startsWith('--')) throw new Error('--screenshot needs a file name, e.g. --screenshot demo.png');
  return resolve(file);
}

async function main(): Promise<void> {
  const screenshot = screenshotArg(process.argv.slice(2));
  if (!screenshot && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('No display here: run `npm run demo -- --screenshot demo.png` to save a picture instead.');
  }
  // Found, or installed through apt where this user may; the path goes to the launcher.
  process.env.CHROMIUM_PATH = ensureBrowser('chromium', nodeFinderEnv());
  const server = await startServer();
  server.html('/article.html', articleHtml());
  const browser = await launchWithExtension({ headed: !screenshot, viewport: { width: 1000, height: 1250 } });
  const options = await importThroughOptions(browser, DEMO_WATCHLISTS);
  console.log(`Watchlists: ${(await options.locator('[role="status"], [role="alert"]').first().textContent()) ?? ''}`);
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/article.html`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
  const hidden = await page.locator('[data-plot-armor="hidden"]').count();
  console.log(`${server.origin}/article.html: ${hidden} blocks hidden. Click one to reveal it.`);
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`Saved ${screenshot}`);
    await browser.close();
    await server.close();
    return;
  }
  await options.close();
  await page.bringToFront();
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
