/**
 * The start benchmark, in real Chromium: what the content script costs a page before it
 * has anything big to read — in the top frame, and in every other frame it runs in.
 * Three small pages, each loaded several times with and without the extension (two
 * browsers, loads interleaved), with a 1,000-term watchlist:
 * - `top`: a short article, one frame: the top frame's start;
 * - `empty`: the same article and 20 frames with nothing to read (about:blank frames,
 *   empty same-origin pages, and cross-origin ad-like frames whose script inserts an
 *   image and a link without text);
 * - `text`: the same article and 20 frames of two short paragraphs each, one naming a
 *   watched character (each must be hidden).
 * Cost: CDP ScriptDuration + RecalcStyleDuration, with minus without, medians of the loads;
 * per frame: (frames page − top page) / 20. Also the content script's own marks in the
 * top frame: script start → terms ready, and the apply (compile + first pass). With
 * `BENCH_BEFORE=<a built extension's directory>` that build is measured too, in the same run.
 *
 * The floor: the same extension whose content script only reads the page state from
 * storage (no stylesheet, no page-world hook, no scanner). No content script that reads
 * its state can cost a frame less, so the targets are read against it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension } from '../tests/support/chromium';
import { PAGE_STATE_KEYS } from '../lib/shared/page-state';
import { startServer, type TestServer } from '../tests/support/server';
import { launchWithTerms, measureLoad, median, type MainThreadCost } from './main-thread';
import { makeBenchPage, sentence } from './page-fixture';
import { prng } from './prng';

const LOADS = Number(process.env.BENCH_LOADS ?? 9);
const FRAMES = 20;
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(2)} ms`);

/** The bench's pages on `server`, framing ad-like pages from `other` (another origin). */
function servePages(server: TestServer, other: TestServer, terms: readonly string[]): void {
  const random = prng(11);
  const article = Array.from({ length: 6 }, (_, i) => `<p>${sentence(25, random)}${i === 2 ? ` ${terms[5]} ${sentence(10, random)}` : ''}</p>`).join('\n');
  const doc = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Start</title></head><body>${body}</body></html>`;
  const frames = (src: (i: number) => string) =>
    Array.from({ length: FRAMES }, (_, i) => `<iframe ${src(i)} width="300" height="120"></iframe>`).join('\n');
  server.html('/top.html', doc(`<main><h1>A short article</h1>\n${article}</main>`));
  server.html('/blank.html', doc(''));
  other.html('/ad.html', doc(`<script>
  const a = document.createElement('a'); a.href = '#';
  const img = document.createElement('img'); img.width = 300; img.height = 100;
  a.append(img); document.body.append(a);
  const pixel = new Image(1, 1); document.body.append(pixel);
</script>`));
  const empty = (i: number) => (i % 3 === 0 ? '' : i % 3 === 1 ? 'src="/blank.html"' : `src="${other.origin}/ad.html"`);
  server.html('/empty.html', doc(`<main><h1>A short article</h1>\n${article}</main>\n${frames(empty)}`));
  for (let i = 0; i < FRAMES; i++) {
    server.html(`/text-${i}.html`, doc(`<p>${sentence(20, random)}</p><p>${sentence(8, random)} ${terms[(i * 37) % terms.length]} ${sentence(8, random)}</p>`));
  }
  server.html('/text.html', doc(`<main><h1>A short article</h1>\n${article}</main>\n${frames((i) => `src="/text-${i}.html"`)}`));
}

interface Load extends MainThreadCost {
  /** Top frame: content script start → terms ready, and the first apply (compile + pass). */
  ready: number | null;
  apply: number | null;
  /** Frames (top included) with a hidden block. */
  hiddenFrames: number;
}

async function load(context: BrowserContext, url: string): Promise<Load> {
  return measureLoad(context, url, (page) => page.waitForTimeout(400), async (page) => {
    const marks = await page.evaluate(() => {
      // No named helpers in here: the bundler would wrap them in a function the page lacks.
      const start = performance.getEntriesByName('plot-armor:start')[0];
      const ready = performance.getEntriesByName('plot-armor:terms-ready')[0];
      const apply = performance.getEntriesByName('plot-armor:apply')[0];
      return { ready: start && ready ? ready.startTime - start.startTime : null, apply: apply ? apply.duration : null };
    });
    let hiddenFrames = 0;
    for (const frame of page.frames()) {
      if (await frame.evaluate(() => document.querySelector('[data-plot-armor="hidden"]') !== null).catch(() => false)) hiddenFrames++;
    }
    return { ...marks, hiddenFrames };
  });
}

/**
 * A copy of the built extension whose one content script only reads the page state: the
 * least any content script that knows its watchlists costs a frame (see the top comment).
 */
function floorBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plot-armor-floor-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts: Array<{ world?: string; css?: string[] }> };
  manifest.content_scripts = manifest.content_scripts.filter((script) => script.world !== 'MAIN');
  for (const script of manifest.content_scripts) delete script.css;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  writeFileSync(join(dir, 'content-scripts/content.js'), `chrome.storage.local.get(${JSON.stringify(PAGE_STATE_KEYS)});`);
  return dir;
}

/** The builds measured: this one, with `BENCH_BEFORE=<dir>` another (e.g. main's), and the floor, in the same run. */
const floorDir = floorBuild();
const BUILDS = [
  { label: 'now', dir: undefined },
  ...(process.env.BENCH_BEFORE ? [{ label: 'before', dir: process.env.BENCH_BEFORE }] : []),
  { label: 'floor (reads its state, nothing else)', dir: floorDir },
] as const;

async function main() {
  const { terms } = makeBenchPage({ paragraphs: 100, spoilers: 1 });
  const server = await startServer();
  const other = await startServer();
  servePages(server, other, terms);
  const plain = await launchWithExtension({ withExtension: false });
  const browsers = [];
  for (const build of BUILDS) browsers.push(await launchWithTerms(build.dir, terms));
  console.log(`Start costs: ${terms.length} terms, ${FRAMES} frames per frames page, ${LOADS} loads each.\n`);

  const names = ['top', 'empty', 'text'] as const;
  // Per page: the loads without the extension, and with each build.
  const runs: Record<string, { without: Load[]; with: Load[][] }> = {};
  for (const name of names) runs[name] = { without: [], with: BUILDS.map(() => []) };
  // One warm-up load of each in every browser (first loads pay for the process and caches).
  for (const name of names) {
    await load(plain.context, `${server.origin}/${name}.html`);
    for (const browser of browsers) await load(browser.context, `${server.origin}/${name}.html`);
  }
  for (let i = 0; i < LOADS; i++) {
    for (const name of names) {
      runs[name]!.without.push(await load(plain.context, `${server.origin}/${name}.html`));
      // Builds in turn, first one then the other, so neither always loads right after the baseline.
      const order = [...browsers.entries()];
      if (i % 2 === 1) order.reverse();
      for (const [b, browser] of order) runs[name]!.with[b]!.push(await load(browser.context, `${server.origin}/${name}.html`));
    }
  }
  for (const browser of browsers) await browser.close();
  await plain.close();
  await server.close();
  await other.close();
  rmSync(floorDir, { recursive: true, force: true });

  const rows: string[][] = [];
  for (const [b] of BUILDS.entries()) {
    // The floor hides nothing: only the extension's builds must hide every text frame.
    const added = (name: string, key: 'cost' | 'script' | 'style') =>
      median(runs[name]!.with[b]!.map((l) => l[key])) - median(runs[name]!.without.map((l) => l[key]));
    const top = runs.top!.with[b]!;
    const textHidden = median(runs.text!.with[b]!.map((l) => l.hiddenFrames));
    if (BUILDS[b]!.dir !== floorDir && textHidden !== FRAMES + 1) throw new Error(`The text frames page had a hidden block in ${textHidden} frames, not ${FRAMES + 1}.`);
    const values = [
      ms(added('top', 'cost')),
      `${ms(added('top', 'script'))} / ${ms(added('top', 'style'))}`,
      ms(median(top.map((l) => l.ready ?? NaN))),
      ms(median(top.map((l) => l.apply ?? NaN))),
      ms(added('empty', 'cost')),
      ms((added('empty', 'cost') - added('top', 'cost')) / FRAMES),
      ms(added('text', 'cost')),
      ms((added('text', 'cost') - added('top', 'cost')) / FRAMES),
    ];
    values.forEach((v, i) => (rows[i] ??= []).push(v));
  }
  const measures = [
    'Top frame: added main-thread time, one-frame page (script + style, with − without; target ≤ 3 ms)',
    '… of which script / style',
    'Top frame: content script start → terms ready (marks)',
    'Top frame: first apply, compile + first pass (marks)',
    `Page with ${FRAMES} empty frames: added main-thread time`,
    'Each empty frame adds ((empty − top) / 20; target ≤ 0.5 ms)',
    `Page with ${FRAMES} small text frames: added main-thread time`,
    'Each small text frame adds ((text − top) / 20)',
  ];
  console.log(`| measure | ${BUILDS.map((b) => b.label).join(' | ')} |\n| --- |${BUILDS.map(() => ' --- |').join('')}`);
  measures.forEach((k, i) => console.log(`| ${k} | ${rows[i]!.join(' | ')} |`));
  const raw = (loads: Load[]) => loads.map((l) => l.cost.toFixed(1)).join(', ');
  for (const name of names) {
    console.log(`\n(raw ms, ${name}: without ${raw(runs[name]!.without)}; ${BUILDS.map((b, i) => `${b.label} ${raw(runs[name]!.with[i]!)}`).join('; ')})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
