/**
 * The real-page tier's start benchmark, in real Chromium: what the extension adds to the
 * main thread of ordinary pages. Each saved real page (tests/fixtures/real, served from
 * 127.0.0.1, the browser kept off the network) is loaded several times without the
 * extension and with the built extension in two browsers (loads interleaved):
 * - `named`: the real-page tier's watchlist, drawn as its oracle draws it from the pages'
 *   own visible text (each page's most frequent names and words, in one watchlist), so
 *   every page has blocks to hide;
 * - `unnamed`: 40 watchlists of 2–4 made-up names that no page names, so the cost is
 *   starting in every frame and reading the page, with nothing to hide.
 * Cost: CDP ScriptDuration + RecalcStyleDuration in thread time (./main-thread.ts), with
 * minus without, medians of the loads, per page and the median over the pages. With
 * `BENCH_BEFORE=<a built extension's directory>`, that build is measured unnamed too, in
 * the same run (loads interleaved with the others).
 */
import type { Page } from 'playwright-core';
import { callBackground, launchWithExtension } from '../tests/support/chromium';
import { importWatchlists, openAndRead, REAL_PAGES, serveRealPages, settle } from '../tests/support/real-pages/corpus';
import { chooseTerms, watchlistOf } from '../tests/support/real-pages/oracle';
import { startServer } from '../tests/support/server';
import { measureLoad, median, type MainThreadCost } from './main-thread';
import { makeNames } from './page-fixture';
import { prng } from './prng';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const ms = (x: number) => x.toFixed(1);

interface Load extends MainThreadCost {
  frames: number;
  hidden: number;
}

/** Loads a page, waits until it is scanned (with the extension) and drawn, and a little longer for anything late. */
const load = (context: Parameters<typeof measureLoad>[0], url: string, scanned: boolean): Promise<Load> =>
  measureLoad(
    context,
    url,
    async (page: Page) => {
      await settle(page, scanned);
      await page.waitForTimeout(100);
    },
    async (page: Page) => ({
      frames: page.frames().length,
      hidden: await page.evaluate(() => document.querySelectorAll('[data-plot-armor="hidden"]').length),
    }),
  );

async function main() {
  const server = await startServer();
  const url = serveRealPages(server);
  const plain = await launchWithExtension({ withExtension: false, offline: true });
  const named = await launchWithExtension({ offline: true });
  const unnamed = await launchWithExtension({ offline: true });
  const before = process.env.BENCH_BEFORE ? await launchWithExtension({ offline: true, extensionDir: process.env.BENCH_BEFORE }) : null;
  const terms = [];
  for (const page of REAL_PAGES) terms.push(chooseTerms((await openAndRead(plain.context, url(page), false)).reading));
  const list = watchlistOf('Real pages', terms);
  await (await importWatchlists(named, [list])).close();
  const random = prng(20);
  const names = makeNames(120, random);
  for (const browser of before ? [unnamed, before] : [unnamed]) {
    const options = await browser.openExtensionPage('options.html');
    for (let i = 0, at = 0; i < 40; i++) {
      const count = 2 + (i % 3);
      // Whole names only: the made-up names' first names alone (Felix, Omar) are on some pages.
      const characters = names.slice(at, (at += count));
      await callBackground(options, 'watchlists/create', { title: `Show ${i}`, characters, matchNameParts: false });
    }
    await options.close();
  }
  console.log(
    `Real pages: ${REAL_PAGES.length} saved pages, ${LOADS} loads each; named: a watchlist of ${list.characters.length} names and ` +
      `${list.keywords.length} words drawn from their text; unnamed: 40 watchlists of 2–4 names no page names.\n`,
  );

  type Runs = { without: Load[]; named: Load[]; unnamed: Load[]; before: Load[] };
  const runs = new Map<string, Runs>(REAL_PAGES.map((page) => [page, { without: [], named: [], unnamed: [], before: [] }]));
  // Warm-up: the first loads pay for the processes and caches.
  for (const page of REAL_PAGES.slice(0, 3)) {
    await load(plain.context, url(page), false);
    await load(named.context, url(page), true);
    await load(unnamed.context, url(page), true);
  }
  for (let i = 0; i < LOADS; i++) {
    for (const page of REAL_PAGES) {
      const run = runs.get(page)!;
      run.without.push(await load(plain.context, url(page), false));
      run.named.push(await load(named.context, url(page), true));
      run.unnamed.push(await load(unnamed.context, url(page), true));
      if (before) run.before.push(await load(before.context, url(page), true));
    }
  }
  await before?.close();
  await unnamed.close();
  await named.close();
  await plain.close();
  await server.close();

  const m = (side: Load[], key: keyof Load) => median(side.map((l) => l[key]));
  const rows: string[] = [];
  const added = { named: [] as number[], unnamed: [] as number[], before: [] as number[] };
  let hiddenSomewhere = 0;
  let hiddenUnnamed = 0;
  for (const [page, run] of runs) {
    const plus = (side: 'named' | 'unnamed' | 'before', key: keyof MainThreadCost) => m(run[side], key) - m(run.without, key);
    added.named.push(plus('named', 'cost'));
    added.unnamed.push(plus('unnamed', 'cost'));
    if (before) added.before.push(plus('before', 'cost'));
    if (m(run.named, 'hidden') > 0) hiddenSomewhere++;
    hiddenUnnamed += m(run.unnamed, 'hidden');
    rows.push(
      `| ${page.replace(/\.html$/, '')} | ${m(run.named, 'frames')} | ${ms(m(run.without, 'cost'))} | ` +
        `${m(run.named, 'hidden')} | ${ms(plus('named', 'cost'))} (${ms(plus('named', 'script'))} / ${ms(plus('named', 'style'))}) | ` +
        `${ms(plus('unnamed', 'cost'))} (${ms(plus('unnamed', 'script'))} / ${ms(plus('unnamed', 'style'))}) |` +
        (before ? ` ${ms(plus('before', 'cost'))} |` : ''),
    );
  }
  const summary = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const q = (f: number) => ms(sorted[Math.floor((sorted.length - 1) * f)]!);
    return `median ${ms(median(xs))} ms (quartiles ${q(0.25)}–${q(0.75)}, min ${q(0)}, max ${q(1)})`;
  };
  console.log(
    [
      `| page | frames | without, ms | named: hidden blocks | named: added ms (script / style) | unnamed: added ms (script / style) |${before ? ' unnamed, BENCH_BEFORE build: added ms |' : ''}`,
      `|---|---:|---:|---:|---:|---:|${before ? '---:|' : ''}`,
      ...rows,
      '',
      'Added main-thread time per page (script + style, with − without; target: median ≤ 10 ms):',
      `- named (every page has blocks to hide): ${summary(added.named)}`,
      `- unnamed (nothing to hide): ${summary(added.unnamed)}`,
      ...(before ? [`- unnamed, the BENCH_BEFORE build: ${summary(added.before)}`] : []),
    ].join('\n'),
  );
  // The named watchlist is drawn from these pages: a run where nothing was hidden measured nothing.
  if (hiddenSomewhere < REAL_PAGES.length / 2) throw new Error(`Only ${hiddenSomewhere} pages had a hidden block.`);
  if (hiddenUnnamed > 0) throw new Error(`${hiddenUnnamed} blocks were hidden with watchlists that no page names.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
