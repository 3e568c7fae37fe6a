/**
 * `npm test`: the type check, unit and DOM tests, then for each chosen browser its build
 * (whose content script must stay within its size budget and free of
 * webextension-polyfill), then the one end-to-end suite in those browsers; the Firefox
 * build also goes through `web-ext lint`.
 *
 *   npm test                          # unit + e2e in Chromium and Firefox ESR
 *   npm test -- --browser=firefox     # unit + e2e in Firefox only (or chromium)
 *   npm run test:e2e -- --browser=chromium   # builds + e2e only
 *
 * `E2E_BROWSER=chromium|firefox|all` does the same as `--browser`; the flag wins.
 * First it finds each chosen browser, installing a missing one through apt where it can
 * (./find-browser.ts), and hands its path to the test processes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { selectedBrowsers, type BrowserName } from './browsers';
import { checkContentScript } from './bundle-budget';
import { browserPathVariable, ensureBrowser, nodeFinderEnv } from './find-browser';

const BIN = join(process.cwd(), 'node_modules', '.bin');

function parseArgs(argv: string[]): { browsers: BrowserName[]; e2eOnly: boolean } {
  let browser = process.env.E2E_BROWSER ?? 'all';
  let e2eOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--e2e-only') e2eOnly = true;
    else if (arg.startsWith('--browser=')) browser = arg.slice('--browser='.length);
    else if (arg === '--browser' && argv[i + 1]) browser = argv[++i]!;
    else throw new Error(`Unknown argument ${arg}: use --browser=chromium|firefox|all or --e2e-only`);
  }
  return { browsers: selectedBrowsers(browser), e2eOnly };
}

const timings: [string, number][] = [];

/** Runs one step, prints its time, and stops the whole run on failure. */
function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const start = Date.now();
  const result = spawnSync(join(BIN, command), args, { stdio: 'inherit', env });
  timings.push([label, (Date.now() - start) / 1000]);
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/** Checks a build's content script (size budget, no polyfill); stops the run when it fails. */
function budget(buildDir: string): void {
  console.log(`\n▶ content-script budget: ${buildDir}`);
  const problems = checkContentScript(buildDir);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`✗ ${problem}`);
    process.exit(1);
  }
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { browsers, e2eOnly } = parsed;
// Vitest and the build strip types without checking them: the type check comes first.
if (!e2eOnly) step('type check', 'tsc', ['--noEmit']);
for (const name of browsers) {
  try {
    const path = ensureBrowser(name, nodeFinderEnv());
    process.env[browserPathVariable(name)] = path;
    console.log(`${name}: ${path}`);
  } catch (error) {
    console.error(`\n✗ ${(error as Error).message}`);
    process.exit(1);
  }
}
if (!e2eOnly) step('unit and DOM tests', 'vitest', ['run']);
if (browsers.includes('chromium')) {
  step('Chromium build', 'wxt', ['build']);
  budget('.output/chrome-mv3');
}
if (browsers.includes('firefox')) {
  step('Firefox build', 'wxt', ['build', '-b', 'firefox']);
  budget('.output/firefox-mv2');
  step('web-ext lint (errors fail; warnings are listed)', 'web-ext', ['lint', '--source-dir', '.output/firefox-mv2', '--no-input']);
}
step(`end-to-end in ${browsers.join(' and ')}`, 'vitest', ['run', '-c', 'vitest.e2e.config.ts'], {
  ...process.env,
  E2E_BROWSER: browsers.join(','),
});
console.log(`\n${timings.map(([label, s]) => `${s.toFixed(1).padStart(6)} s  ${label}`).join('\n')}`);
