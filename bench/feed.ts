/**
 * A long feed, in real Chromium: one list of short items (a headline and a time), one in
 * ten naming a watched character, each hidden whole with its reveal control before the
 * list. What the extension adds to the page's main thread while it loads (CDP
 * ScriptDuration + RecalcStyleDuration, with − without, medians of the loads after a
 * first one), script and style apart. With `BENCH_BEFORE=<a built extension's directory>`
 * that build is measured too, the builds loading in turn. Every named item must be
 * hidden, or the run fails. `FEED_ITEMS` sets the list's length (default 5,000).
 */
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../tests/support/chromium';
import { startServer } from '../tests/support/server';
import { launchWithTerms, measureLoad, median, type MainThreadCost } from './main-thread';
import { makeBenchPage, sentence } from './page-fixture';
import { prng } from './prng';

const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const ITEMS = Number(process.env.FEED_ITEMS ?? 5000);
const EVERY = 10;

function feedPage(terms: readonly string[]): { html: string; named: number } {
  const random = prng(5);
  let named = 0;
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const name = i % EVERY === 3 ? ` ${terms[(named++ * 37) % terms.length]}` : '';
    return `<li class="card"><a href="/story/${i}">${sentence(8, random)}${name}</a> <span class="meta">${i % 60} min ago</span></li>`;
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Feed</title></head><body><main><h1>Latest</h1><ul class="feed">\n${items.join('\n')}\n</ul></main></body></html>`;
  return { html, named };
}

async function load(context: BrowserContext, url: string): Promise<MainThreadCost & { hidden: number }> {
  return measureLoad(context, url, (page) => page.waitForTimeout(300), async (page) => ({
    hidden: await page.evaluate(() => document.querySelectorAll('li[data-plot-armor="hidden"]').length),
  }));
}

async function main() {
  const { terms } = makeBenchPage({ paragraphs: 100, spoilers: 1 });
  const { html, named } = feedPage(terms);
  const server = await startServer();
  server.html('/feed.html', html);
  const builds = [{ label: 'now', dir: undefined as string | undefined }, ...(process.env.BENCH_BEFORE ? [{ label: 'before', dir: process.env.BENCH_BEFORE }] : [])];
  const plain = await launchWithExtension({ withExtension: false });
  const browsers = [];
  for (const build of builds) browsers.push(await launchWithTerms(build.dir, terms));
  const url = `${server.origin}/feed.html`;
  const without: MainThreadCost[] = [];
  const withs: MainThreadCost[][] = builds.map(() => []);
  for (let i = 0; i < LOADS; i++) {
    const plainLoad = await load(plain.context, url);
    for (const [k, browser] of browsers.entries()) {
      const result = await load(browser.context, url);
      if (result.hidden !== named) throw new Error(`${builds[k]!.label}: ${result.hidden} of ${named} named items hidden`);
      if (i > 0) withs[k]!.push(result);
    }
    if (i > 0) without.push(plainLoad);
  }
  const added = (runs: MainThreadCost[], key: keyof MainThreadCost) => median(runs.map((r) => r[key])) - median(without.map((r) => r[key]));
  console.log(`A feed of ${ITEMS} short items in one list, ${named} of them hidden; ${LOADS - 1} loads (after a first one) each.\n`);
  console.log('| build | added main-thread time | script | style |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [k, build] of builds.entries()) {
    const runs = withs[k]!;
    console.log(`| ${build.label} | ${added(runs, 'cost').toFixed(1)} ms | ${added(runs, 'script').toFixed(1)} ms | ${added(runs, 'style').toFixed(1)} ms |`);
  }
  console.log(`\n(without the extension: ${median(without.map((r) => r.cost)).toFixed(1)} ms; raw with, ms: ${withs.map((runs) => runs.map((r) => r.cost.toFixed(0)).join(' ')).join(' | ')})`);
  for (const browser of [plain, ...browsers]) await browser.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
