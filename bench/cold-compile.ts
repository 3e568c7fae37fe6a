/**
 * Cold compile: the cost of `compileMatcher` in a fresh process, as the content script
 * pays it in every frame of every page load (no shared tables filled yet, cold JIT).
 *
 * `coldCompile(lists, paragraphs, runs)` spawns this file once per run, hands it the
 * lists and paragraphs as JSON on stdin, and returns the medians of what the child
 * measured: the compile, the first `match` after it, and matching all the paragraphs
 * (the first one included), which fills whatever the matcher fills on first use. With
 * `stored`, the child is handed the forms the background stores in the snapshot (through
 * JSON, as storage hands them over) and compiles from them, reading them included. Run
 * alone (`npx tsx bench/cold-compile.ts < input.json`) it prints one measurement.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileMatcher } from '../lib/match/compile';
import { loadForms, storeForms, type StoredForms } from '../lib/match/stored-forms';
import type { MatchList } from '../lib/shared/watchlist';

const self = fileURLToPath(import.meta.url);

interface Input {
  lists: readonly MatchList[];
  paragraphs: readonly string[];
  forms: StoredForms | null;
}

/** Medians (ms) over fresh processes. */
export interface ColdTimes {
  compile: number;
  firstMatch: number;
  allMatches: number;
}

/** Median ms, over `runs` fresh processes, of compiling `lists` and then matching `paragraphs`. */
export function coldCompile(lists: readonly MatchList[], paragraphs: readonly string[], runs = 9, stored = false): ColdTimes {
  const forms = stored ? storeForms(lists) : null;
  if (stored && !forms) throw new Error('no forms to store');
  const input = JSON.stringify({ lists, paragraphs, forms } satisfies Input);
  const samples: number[][] = [[], [], []];
  for (let r = 0; r < runs; r++) {
    // The same node and loader flags (tsx) as this process.
    const child = spawnSync(process.execPath, [...process.execArgv, self], { input, encoding: 'utf8' });
    const ms = child.stdout.trim().split(' ').map(Number);
    if (child.status !== 0 || ms.length !== 3 || !ms.every(Number.isFinite)) {
      throw new Error(`cold compile failed: ${child.stderr}`);
    }
    ms.forEach((m, k) => samples[k]!.push(m));
  }
  const [compile, firstMatch, allMatches] = samples.map((xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!);
  return { compile: compile!, firstMatch: firstMatch!, allMatches: allMatches! };
}

if (process.argv[1] === self) {
  const { lists, paragraphs, forms } = JSON.parse(readFileSync(0, 'utf8')) as Input; // parsed before the clock starts
  const t0 = performance.now();
  const matcher = compileMatcher(lists, forms && loadForms(forms, lists.length));
  const t1 = performance.now();
  let found = matcher.match(paragraphs[0] ?? '').length;
  const t2 = performance.now();
  for (let i = 1; i < paragraphs.length; i++) found += matcher.match(paragraphs[i]!).length;
  const t3 = performance.now();
  if (found < 0) console.error(found); // keeps the matches from being optimized away
  console.log(`${(t1 - t0).toFixed(3)} ${(t2 - t1).toFixed(3)} ${(t3 - t1).toFixed(3)}`);
}
