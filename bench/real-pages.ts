/**
 * The real-page tier's start benchmark, in real Chromium: what the extension adds to the
 * main thread of ordinary pages. Each saved real page (tests/fixtures/real, served from
 * 127.0.0.1, the browser kept off the network) is loaded several times with and without
 * the built extension (two browsers, loads interleaved), with the real-page tier's
 * watchlist: drawn, as its oracle draws it, from the pages' own visible text (each
 * page's most frequent names and words, in one watchlist). Cost: CDP ScriptDuration +
 * RecalcStyleDuration in thread time (./main-thread.ts), with minus without, medians of
 * the loads, per page and the median over the pages.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../tests/support/chromium';
import { importWatchlists, openAndRead, REAL_PAGES, serveRealPages, settle } from '../tests/support/real-pages/corpus';
import { chooseTerms, watchlistOf } from '../tests/support/real-pages/oracle';
import { startServer } from '../tests/support/server';
import { measureLoad, median, type MainThreadCost } from './main-thread';

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
      await page.waitForTimeout(200);
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
  const withExt = await launchWithExtension({ offline: true });
  const terms = [];
  for (const page of REAL_PAGES) terms.push(chooseTerms((await openAndRead(plain.context, url(page), false)).reading));
  const list = watchlistOf('Real pages', terms);
  await (await importWatchlists(withExt, [list])).close();
  console.log(
    `Real pages: ${REAL_PAGES.length} saved pages, a watchlist of ${list.characters.length} names and ` +
      `${list.keywords.length} words drawn from their text, ${LOADS} loads each.\n`,
  );

  const runs = new Map(REAL_PAGES.map((page) => [page, { with: [] as Load[], without: [] as Load[] }]));
  // Warm-up: the first loads pay for the processes and caches.
  for (const page of REAL_PAGES.slice(0, 3)) {
    await load(plain.context, url(page), false);
    await load(withExt.context, url(page), true);
  }
  for (let i = 0; i < LOADS; i++) {
    for (const page of REAL_PAGES) {
      runs.get(page)!.without.push(await load(plain.context, url(page), false));
      runs.get(page)!.with.push(await load(withExt.context, url(page), true));
    }
  }
  await withExt.close();
  await plain.close();
  await server.close();

  const rows: string[] = [];
  const added: number[] = [];
  let hiddenSomewhere = 0;
  for (const [page, run] of runs) {
    const m = (side: Load[], key: keyof Load) => median(side.map((l) => l[key]));
    const cost = m(run.with, 'cost') - m(run.without, 'cost');
    added.push(cost);
    if (m(run.with, 'hidden') > 0) hiddenSomewhere++;
    rows.push(
      `| ${page.replace(/\.html$/, '')} | ${m(run.with, 'frames')} | ${m(run.with, 'hidden')} | ${ms(m(run.without, 'cost'))} | ` +
        `${ms(m(run.with, 'cost'))} | ${ms(cost)} | ${ms(m(run.with, 'script') - m(run.without, 'script'))} / ` +
        `${ms(m(run.with, 'style') - m(run.without, 'style'))} |`,
    );
  }
  // The watchlist is drawn from these pages: a run where nothing was hidden measured nothing.
  if (hiddenSomewhere < REAL_PAGES.length / 2) throw new Error(`Only ${hiddenSomewhere} pages had a hidden block.`);
  const sorted = [...added].sort((a, b) => a - b);
  console.log(
    [
      '| page | frames | hidden blocks | without, ms | with, ms | added, ms | added script / style, ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `Added main-thread time (script + style, with − without) per page: median ${ms(median(added))} ms (target ≤ 10 ms), ` +
        `quartiles ${ms(sorted[Math.floor(sorted.length / 4)]!)}–${ms(sorted[Math.floor((sorted.length * 3) / 4)]!)} ms, ` +
        `min ${ms(sorted[0]!)} ms, max ${ms(sorted.at(-1)!)} ms.`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
