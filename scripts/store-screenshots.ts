/**
 * The store listing's screenshots, 1280×800, taken from the real built extension in
 * Chromium: the demo article with its spoilers blurred, the welcome page, the options
 * page. Written to docs/store/.
 *
 *   npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { articleHtml, DEMO_WATCHLISTS } from '../tests/support/article-page';
import { importThroughOptions, launchWithExtension, welcomePage } from '../tests/support/chromium';
import { ensureBrowser, nodeFinderEnv } from '../tests/support/find-browser';
import { startServer } from '../tests/support/server';

const OUT = 'docs/store';
const SIZE = { width: 1280, height: 800 };

async function main(): Promise<void> {
  process.env.CHROMIUM_PATH = ensureBrowser('chromium', nodeFinderEnv());
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  server.html('/article.html', articleHtml());
  const browser = await launchWithExtension({ viewport: SIZE, keepWelcome: true });
  try {
    const welcome = await welcomePage(browser.context);
    const options = await importThroughOptions(browser, DEMO_WATCHLISTS);
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/article.html`);
    await article.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
    await article.screenshot({ path: join(OUT, '1-article.png') });
    if (welcome) {
      await welcome.reload();
      await welcome.getByRole('heading', { name: 'Which shows are you in the middle of?' }).waitFor();
      await welcome.screenshot({ path: join(OUT, '2-welcome.png') });
    }
    await options.reload();
    await options.locator('.watchlist').first().click();
    await options.screenshot({ path: join(OUT, '3-options.png') });
    console.log(`Saved the store screenshots in ${OUT}/`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
