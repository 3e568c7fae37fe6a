/**
 * The scanning benchmark, in real Chromium: a generated page of 20,000 paragraphs
 * (200 spoilers) with a ~1,000-term watchlist. Reports, from one run:
 * - the extension's main-thread cost: CDP ScriptDuration + RecalcStyleDuration with
 *   the extension minus the same without it (median of several loads each);
 * - the floor: a bare TreeWalker pass lower-casing every text node of that page;
 * - the time from navigation until all 200 spoilers are hidden, and the `load` event;
 * - the latency from inserting a spoiler to it being hidden, and whether that is
 *   before the next frame;
 * - the time from the content script's start to its terms being ready, with the
 *   service worker running and after stopping it;
 * - the content-script bundle size;
 * - lower bounds: the cost of scripts that do only part of what any scanner must do,
 *   run in an isolated world of their own (as a content script is) on the same page.
 * With `BENCH_BEFORE=<a built extension's directory>`, that build's cost is measured too,
 * its loads alternating with this build's (which goes first alternates too), and reported
 * beside it.
 */
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { callBackground, launchWithExtension, stopServiceWorkers, EXTENSION_DIR } from '../tests/support/chromium';
import { startServer } from '../tests/support/server';
import { build } from 'vite';
import type { MatchList } from '../lib/shared/watchlist';
import { launchWithTerms } from './main-thread';
import { makeBenchPage } from './page-fixture';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function metrics(cdp: import('playwright-core').CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Scripts that do part of a scanner's work and nothing else, for lower bounds. Each runs
 * from document start in an isolated world of its own, like a content script.
 * - `observe`: one MutationObserver on the document with the scanner's options, whose
 *   callback looks at each record's target and next sibling: the least a scanner does
 *   to tell the parser's appends from changes a script makes to what was already read.
 * - `observeAndRead`: the same, and once the document is parsed, one pass that
 *   lower-cases the text of every element holding only text (a paragraph: one
 *   `textContent`, as the scanner reads it): reading the page once, as cheaply as it can
 *   be read there, without matching anything.
 * - `observeReadAndMatch`: the same, matching each text with the product's matcher
 *   (compiled at document start from the benchmark's watchlist) instead of lower-casing
 *   it: the scanner without choosing blocks, hiding, or reading as the page streams in.
 */
const OBSERVE = `new MutationObserver((records) => {
  for (const r of records) if (r.target === null || r.nextSibling === undefined) throw new Error();
}).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['alt', 'title', 'aria-label'] });`;
/** Calls `visit` with the text of every element holding only text, once the document is parsed. */
const readOnce = (visit: string) => `document.addEventListener('DOMContentLoaded', () => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.childElementCount === 0) sum += ${visit};
  document.documentElement.setAttribute('data-bench-probe', String(sum));
});`;

/** The product's matcher (lib/match/compile.ts) as a script defining `PlotArmorMatch`. */
async function matcherScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: 'lib/match/compile.ts', formats: ['iife'], name: 'PlotArmorMatch' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: { code: string }[] };
  return output.output[0]!.code;
}

async function makeProbes(terms: readonly string[]) {
  const list: MatchList = { id: 'bench', title: 'Bench Show', enabled: true, matchNameParts: true, characters: [...terms], cast: [], keywords: [] };
  return {
    observe: OBSERVE,
    observeAndRead: `${OBSERVE}\n${readOnce('n.textContent.toLowerCase().length')}`,
    observeReadAndMatch: `${await matcherScript()}
${OBSERVE}
const matcher = PlotArmorMatch.compileMatcher([${JSON.stringify(list)}]);
${readOnce('matcher.match(n.textContent).length')}`,
  };
}
type ProbeName = keyof Awaited<ReturnType<typeof makeProbes>>;

/**
 * Loads the page in a fresh tab and returns its main-thread script+style cost in ms;
 * `probe`: a script to run from document start in an isolated world of its own.
 */
async function loadAndMeasure(open: () => Promise<Page>, url: string, waitHidden: boolean, probe?: string) {
  const page = await open();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (probe) {
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: probe, worldName: 'plot-armor-bench-probe' });
  }
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (waitHidden) await page.waitForFunction(() => (window as any).__bench.hiddenAt !== null, undefined, { timeout: 60_000 });
  await page.waitForTimeout(300);
  const m = await metrics(cdp);
  const bench = await page.evaluate(() => (window as any).__bench as { hidden: number; hiddenAt: number | null; loadAt: number });
  await cdp.detach();
  const script = (m.ScriptDuration ?? 0) * 1000;
  const style = (m.RecalcStyleDuration ?? 0) * 1000;
  return { page, cost: script + style, script, style, bench };
}

async function bareWalk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let sum = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) sum += (n as Text).data.toLowerCase().length;
      times.push(performance.now() - t0);
      if (sum < 0) throw new Error('unreachable');
    }
    times.sort((a, b) => a - b);
    return times[2]!;
  });
}

/**
 * The time of one full re-evaluation of the loaded page, as when a watchlist changes
 * (compile + walk + match + writes): edits the watchlist five times (adds a keyword
 * found nowhere) and reads the content script's own measures.
 */
async function rescanCost(page: Page, options: Page): Promise<number[]> {
  const id = (await callBackground<{ id: string }[]>(options, 'watchlists/list', {}))[0]!.id;
  for (let i = 0; i < 5; i++) {
    await callBackground(options, 'terms/add', { id, group: 'keywords', terms: [`zzqx${i}`] });
    await page.waitForTimeout(400);
  }
  // The content script measures each re-evaluation on the page's timeline; the first
  // entry is the page's initial apply (an almost empty document at document_start).
  return page.evaluate(() => performance.getEntriesByName('plot-armor:apply').slice(1).map((e) => e.duration));
}

async function termsReady(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const start = performance.getEntriesByName('plot-armor:start')[0];
    const ready = performance.getEntriesByName('plot-armor:terms-ready')[0];
    return start && ready ? ready.startTime - start.startTime : null;
  });
}

async function main() {
  const fixture = makeBenchPage();
  const server = await startServer();
  server.html('/bench.html', fixture.html);
  server.html('/small.html', '<!doctype html><html><head><meta charset="utf-8"></head><body><p>hello</p></body></html>');
  const url = `${server.origin}/bench.html`;
  console.log(`Page: ${(fixture.html.length / 1e6).toFixed(1)} MB, 20,000 paragraphs, ${fixture.spoilers} spoilers; ${fixture.terms.length} terms.\n`);

  // Baseline: the same browser without the extension.
  const plain = await launchWithExtension({ withExtension: false });
  const baseCosts: number[] = [];
  const baseScript: number[] = [];
  const baseStyle: number[] = [];
  const floors: number[] = [];
  const probes = await makeProbes(fixture.terms);
  const probeCosts: Record<ProbeName, number[]> = { observe: [], observeAndRead: [], observeReadAndMatch: [] };
  for (let i = 0; i < LOADS; i++) {
    const { page, cost, script, style } = await loadAndMeasure(() => plain.context.newPage(), url, false);
    baseCosts.push(cost);
    baseScript.push(script);
    baseStyle.push(style);
    // The floor on every baseline load (it moves between loads as much as the cost does).
    floors.push(await bareWalk(page));
    await page.close();
    for (const [name, source] of Object.entries(probes) as [ProbeName, string][]) {
      const probe = await loadAndMeasure(() => plain.context.newPage(), url, false, source);
      probeCosts[name].push(probe.cost);
      // The matching probe must find every spoiler paragraph, or it measured nothing.
      const found = Number(await probe.page.getAttribute('html', 'data-bench-probe'));
      if (name === 'observeReadAndMatch' && found !== fixture.spoilers) {
        throw new Error(`The matching probe found ${found} paragraphs, not ${fixture.spoilers}.`);
      }
      await probe.page.close();
    }
  }
  await plain.close();

  const withExt = await launchWithExtension();
  const options = await withExt.openExtensionPage('options.html');
  await callBackground(options, 'watchlists/create', { title: 'Bench Show', characters: fixture.terms });
  const extCosts: number[] = [];
  const extScript: number[] = [];
  const extStyle: number[] = [];
  const rescans: number[] = [];
  const hiddenAt: number[] = [];
  const loadAt: number[] = [];
  let latency = { latency: 0, beforeNextFrame: false };
  const before = process.env.BENCH_BEFORE ? await launchWithTerms(process.env.BENCH_BEFORE, fixture.terms) : null;
  const beforeCosts: number[] = [];
  const measureBefore = async () => {
    if (!before) return;
    const load = await loadAndMeasure(() => before.context.newPage(), url, true);
    beforeCosts.push(load.cost);
    await load.page.close();
  };
  for (let i = 0; i < LOADS; i++) {
    // Which build loads first alternates: the first load of a pair runs slower.
    if (i % 2 === 0) await measureBefore();
    const { page, cost, script, style, bench } = await loadAndMeasure(() => withExt.context.newPage(), url, true);
    extCosts.push(cost);
    extScript.push(script);
    extStyle.push(style);
    hiddenAt.push(bench.hiddenAt ?? NaN);
    loadAt.push(bench.loadAt);
    if (i === LOADS - 1) {
      latency = await insertLatency(page, fixture.terms[0]!);
      rescans.push(...(await rescanCost(page, options)));
    }
    await page.close();
    if (i % 2 === 1) await measureBefore();
  }
  const warmReady: number[] = [];
  const coldReady: number[] = [];
  for (let i = 0; i < 5; i++) {
    const warm = await withExt.context.newPage();
    await warm.goto(`${server.origin}/small.html`);
    await warm.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
    warmReady.push((await termsReady(warm)) ?? NaN);
    await stopServiceWorkers(warm);
    await warm.close();
    const cold = await withExt.context.newPage();
    await cold.goto(`${server.origin}/small.html`);
    await cold.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
    coldReady.push((await termsReady(cold)) ?? NaN);
    await cold.close();
  }
  await withExt.close();
  await before?.close();
  await server.close();

  const cost = median(extCosts) - median(baseCosts);
  const floor = median(floors);
  const observeCost = median(probeCosts.observe) - median(baseCosts);
  const readCost = median(probeCosts.observeAndRead) - median(baseCosts);
  const matchCost = median(probeCosts.observeReadAndMatch) - median(baseCosts);
  const bundle = statSync(`${EXTENSION_DIR}/content-scripts/content.js`).size;
  const rows = [
    ['Extension main-thread cost (script + style, with − without)', ms(cost)],
    ['… of which script (ScriptDuration, with − without)', ms(median(extScript) - median(baseScript))],
    ['… of which style (RecalcStyleDuration, with − without)', ms(median(extStyle) - median(baseStyle))],
    ['Floor: bare TreeWalker pass lower-casing every text node', ms(floor)],
    ['Ratio cost / floor', `${(cost / floor).toFixed(2)}×`],
    ['Lower bound: observing the page, each record looked at (with − without)', `${ms(observeCost)} (${(observeCost / floor).toFixed(2)}×)`],
    ['Lower bound: observing, and reading the page once in an isolated world, no matching', `${ms(readCost)} (${(readCost / floor).toFixed(2)}×)`],
    ['Lower bound: observing, reading once and matching (compile included), no blocks or hiding', `${ms(matchCost)} (${(matchCost / floor).toFixed(2)}×)`],
    ['Ratio cost / that read+match lower bound (target ≤ 1.3×)', `${(cost / matchCost).toFixed(2)}×`],
    ...(before
      ? [
          ['The `BENCH_BEFORE` build: cost (same run, loads alternating)', ms(median(beforeCosts) - median(baseCosts))],
          ['The `BENCH_BEFORE` build: ratio to the read+match lower bound', `${((median(beforeCosts) - median(baseCosts)) / matchCost).toFixed(2)}×`],
        ]
      : []),
    ['One full re-evaluation of the loaded page (watchlist edited: compile + walk + match)', ms(median(rescans))],
    ['Ratio re-evaluation / floor', `${(median(rescans) / floor).toFixed(2)}×`],
    ['Navigation → all 200 spoilers hidden', ms(median(hiddenAt))],
    ['Navigation → load event', ms(median(loadAt))],
    ['All hidden by load (target: yes)', median(hiddenAt) <= median(loadAt) ? 'yes' : 'no'],
    ['Inserted spoiler → hidden', ms(latency.latency)],
    ['Hidden before the next frame (target: yes)', latency.beforeNextFrame ? 'yes' : 'no'],
    ['Content script start → terms ready, worker running', ms(median(warmReady))],
    ['Content script start → terms ready, worker stopped', ms(median(coldReady))],
    ['Content-script bundle, minified (budget 40 KB, 40,960 bytes)', `${bundle.toLocaleString('en-US')} bytes`],
  ];
  console.log('| measure | value |\n| --- | --- |');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  console.log(`\n(medians of ${LOADS} loads; raw with: ${extCosts.map((x) => x.toFixed(0)).join(', ')} ms; ${before ? `before: ${beforeCosts.map((x) => x.toFixed(0)).join(', ')} ms; ` : ''}without: ${baseCosts.map((x) => x.toFixed(0)).join(', ')} ms; observing: ${probeCosts.observe.map((x) => x.toFixed(0)).join(', ')} ms; observing and reading: ${probeCosts.observeAndRead.map((x) => x.toFixed(0)).join(', ')} ms; and matching: ${probeCosts.observeReadAndMatch.map((x) => x.toFixed(0)).join(', ')} ms; floor: ${floors.map((x) => x.toFixed(1)).join(', ')} ms)`);
}

/** Inserts a spoiler paragraph and reports how fast it was hidden, and whether before the next frame. */
async function insertLatency(page: Page, name: string) {
  return page.evaluate(
    (n) =>
      new Promise<{ latency: number; beforeNextFrame: boolean }>((resolve) => {
        const p = document.createElement('p');
        p.textContent = `Breaking: ${n} was there all along.`;
        let hiddenAt = 0;
        new MutationObserver(() => {
          if (!hiddenAt && p.getAttribute('data-plot-armor') === 'hidden') hiddenAt = performance.now();
        }).observe(p, { attributes: true });
        const t0 = performance.now();
        document.querySelector('main')!.prepend(p);
        requestAnimationFrame(() =>
          resolve({ latency: (hiddenAt || performance.now()) - t0, beforeNextFrame: hiddenAt > 0 && getComputedStyle(p).filter.includes('blur') }),
        );
      }),
    name,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
