/**
 * The content script runs in every frame of every page, so its built bundle has a size
 * budget and must not carry webextension-polyfill (it uses the browser's own promise
 * API, see wxt.config.ts). `npm test` checks both after each build (run-tests.ts).
 */
import { readFileSync } from 'node:fs';

/** The content script's budget, minified: 40 KB, shared by every feature. */
export const CONTENT_SCRIPT_BUDGET = 40 * 1024;

/**
 * Strings only webextension-polyfill's code holds: its error when loaded outside an
 * extension, and a key of its API metadata. Either one in a bundle means it is in there.
 */
export const POLYFILL_MARKERS = ['This script should only be loaded in a browser extension', 'fallbackToNoCallback'];

/** The content script's bundle inside a build directory. */
export const contentScriptPath = (buildDir: string): string => `${buildDir}/content-scripts/content.js`;

/** What is wrong with a content-script bundle of `code` (its bytes); empty when nothing is. */
export function bundleProblems(code: Uint8Array, budget = CONTENT_SCRIPT_BUDGET): string[] {
  const problems: string[] = [];
  if (code.byteLength > budget) {
    problems.push(`the content script is ${code.byteLength.toLocaleString('en')} bytes, over its budget of ${budget.toLocaleString('en')}`);
  }
  const text = new TextDecoder().decode(code);
  const marker = POLYFILL_MARKERS.find((m) => text.includes(m));
  if (marker !== undefined) problems.push(`the content script contains webextension-polyfill ("${marker}")`);
  return problems;
}

/** Checks the content script of a build, prints its size, and returns what is wrong. */
export function checkContentScript(buildDir: string, log: (line: string) => void = console.log): string[] {
  const code = readFileSync(contentScriptPath(buildDir));
  log(
    `content script (${buildDir}): ${code.byteLength.toLocaleString('en')} bytes, ${(code.byteLength / 1024).toFixed(1)} KiB of ${CONTENT_SCRIPT_BUDGET / 1024} KiB`,
  );
  return bundleProblems(code);
}
