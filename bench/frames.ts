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
 * `BENCH_BEFORE=<a built extension's directory>` that build is measured too, in the same run;
 * with `BENCH_VARIANTS=1`, the variants below (`variantBuilds`).
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

interface ContentScript {
  matches: string[];
  js?: string[];
  css?: string[];
  world?: string;
  all_frames?: boolean;
  match_about_blank?: boolean;
  run_at?: string;
}
interface Manifest {
  content_scripts: ContentScript[];
  web_accessible_resources?: unknown[];
}

/** A copy of the built extension whose manifest and files `edit` changes: the floor and the variants. */
function variantBuild(edit: (manifest: Manifest, write: (file: string, code: string) => void) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'plot-armor-variant-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  edit(manifest, (file, code) => writeFileSync(join(dir, file), code));
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/**
 * The floor: the built extension whose one content script only reads the page state: the
 * least any content script that knows its watchlists costs a frame (see the top comment).
 */
const floorBuild = (): string =>
  variantBuild((manifest, write) => {
    manifest.content_scripts = manifest.content_scripts.filter((script) => script.world !== 'MAIN');
    for (const script of manifest.content_scripts) delete script.css;
    write('content-scripts/content.js', `chrome.storage.local.get(${JSON.stringify(PAGE_STATE_KEYS)});`);
  });

/**
 * A loader for the frames other than the top one (written for this measurement only): it
 * shows the frame, and once the frame holds text or a label outside scripts and styles it
 * holds the body again and imports the whole content script as a web-accessible module.
 */
const LOADER = `(() => {
  if (window === top) return;
  const d = document, READY = 'data-plot-armor-ready', LABELS = ['alt', 'title', 'aria-label'];
  const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|HEAD|TITLE)$/;
  const holds = (n) => n.nodeType === 3 ? /\\S/.test(n.data) && !SKIP.test(n.parentNode?.nodeName ?? '')
    : n.nodeType === 1 && !SKIP.test(n.nodeName) && (LABELS.some((a) => n.hasAttribute(a)) || [...n.childNodes].some(holds));
  let done = false;
  const go = () => {
    done = true;
    observer.disconnect();
    d.documentElement?.removeAttribute(READY);
    import(chrome.runtime.getURL('content-scripts/content.js'));
  };
  const observer = new MutationObserver((records) => {
    if (done) return;
    for (const r of records) {
      if (r.type === 'characterData' ? holds(r.target) : r.type === 'attributes' || [...r.addedNodes].some(holds)) return go();
    }
    d.documentElement?.setAttribute(READY, '');
  });
  if (d.documentElement && holds(d.documentElement)) return go();
  d.documentElement?.setAttribute(READY, '');
  observer.observe(d, { childList: true, subtree: true, characterData: true, attributeFilter: LABELS });
})();`;

/**
 * Variants that answer one question: what would a frame with nothing to read cost if the
 * whole content script ran in the top frame only, and other frames ran less (measured with
 * `BENCH_VARIANTS=1`). `hides`: the frames of the text page that must have a hidden block.
 */
function variantBuilds(): Array<{ label: string; dir: string; hides: number }> {
  const topOnly = (manifest: Manifest): ContentScript => {
    const main = manifest.content_scripts[0]!;
    main.all_frames = false;
    delete main.match_about_blank;
    return main;
  };
  const inOtherFrames = (manifest: Manifest, code: string, write: (file: string, code: string) => void): void => {
    const main = topOnly(manifest);
    write('content-scripts/frame.js', code);
    manifest.content_scripts.push({ ...main, all_frames: true, match_about_blank: true, js: ['content-scripts/frame.js'] });
  };
  return [
    { label: 'v: top frame only', dir: variantBuild((manifest) => void topOnly(manifest)), hides: 1 },
    {
      label: 'v: top frame; one line in other frames',
      dir: variantBuild((manifest, write) =>
        inOtherFrames(manifest, `if (window !== top) document.documentElement.setAttribute('data-plot-armor-ready', '');`, write),
      ),
      hides: 1,
    },
    {
      label: 'v: top frame; a loader in other frames',
      dir: variantBuild((manifest, write) => {
        inOtherFrames(manifest, LOADER, write);
        manifest.web_accessible_resources = [{ resources: ['content-scripts/content.js'], matches: ['<all_urls>'], use_dynamic_url: true }];
      }),
      hides: FRAMES + 1,
    },
  ];
}

/** The builds measured: this one, with `BENCH_BEFORE=<dir>` another (e.g. main's), the variants, and the floor, in the same run. */
const floorDir = floorBuild();
const BUILDS: Array<{ label: string; dir: string | undefined; hides: number }> = [
  { label: 'now', dir: undefined, hides: FRAMES + 1 },
  ...(process.env.BENCH_BEFORE ? [{ label: 'before', dir: process.env.BENCH_BEFORE, hides: FRAMES + 1 }] : []),
  ...(process.env.BENCH_VARIANTS ? variantBuilds() : []),
  // The floor hides nothing.
  { label: 'floor (reads its state, nothing else)', dir: floorDir, hides: 0 },
];

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
  for (const build of BUILDS) if (build.dir && build.dir !== process.env.BENCH_BEFORE) rmSync(build.dir, { recursive: true, force: true });

  const rows: string[][] = [];
  for (const [b] of BUILDS.entries()) {
    const added = (name: string, key: 'cost' | 'script' | 'style') =>
      median(runs[name]!.with[b]!.map((l) => l[key])) - median(runs[name]!.without.map((l) => l[key]));
    const top = runs.top!.with[b]!;
    const textHidden = median(runs.text!.with[b]!.map((l) => l.hiddenFrames));
    const hides = BUILDS[b]!.hides;
    if (hides && textHidden !== hides) throw new Error(`${BUILDS[b]!.label}: the text frames page had a hidden block in ${textHidden} frames, not ${hides}.`);
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
