/**
 * How long an import takes in Chromium, through the options page as a user does it:
 * from setting the file on the import control until the page announces the outcome.
 * The baseline is the same number of terms in few lists (250 lists of 200 terms),
 * imported in the same browser run; the measure is 10,000 lists of 5 terms. Each import
 * goes to a fresh profile, so both start from an empty database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/support/chromium';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A file of `lists` lists with `terms` distinct terms each. */
function file(lists: number, terms: number): string {
  const watchlists = Array.from({ length: lists }, (_, i) => ({
    title: `Show ${i}`,
    characters: Array.from({ length: terms }, (_, j) => `Person${i}x${j} Surname${j}`),
  }));
  return JSON.stringify({ format: 'plot-armor', version: 1, watchlists });
}

async function importOnce(path: string): Promise<number> {
  const browser = await launchWithExtension();
  try {
    const page = await browser.openExtensionPage('options.html');
    await page.locator('h1').first().waitFor();
    const input = page.locator('input[type="file"]').first();
    const start = Date.now();
    await input.setInputFiles(path);
    const outcome = page.locator('[role="status"]:not(:empty), [role="alert"]:not(:empty)').first();
    await outcome.waitFor({ timeout: 120_000 });
    const elapsed = Date.now() - start;
    const text = await outcome.textContent();
    if (!/imported|added/i.test(text ?? '')) throw new Error(`import failed: ${text}`);
    return elapsed;
  } finally {
    await browser.close();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'plot-armor-import-'));
  const few = join(dir, 'few.json');
  const many = join(dir, 'many.json');
  writeFileSync(few, file(250, 200));
  writeFileSync(many, file(10_000, 5));
  const base: number[] = [];
  const wide: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    base.push(await importOnce(few));
    wide.push(await importOnce(many));
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('| import (50,000 terms), options page | file set → outcome announced (median of 3) |\n| --- | --- |');
  console.log(`| 250 lists of 200 terms (baseline) | ${median(base)} ms (${base.join(', ')}) |`);
  console.log(`| 10,000 lists of 5 terms | ${median(wide)} ms (${wide.join(', ')}; ${(median(wide) / median(base)).toFixed(2)}× the baseline) |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
