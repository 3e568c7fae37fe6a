import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleProblems, checkContentScript, CONTENT_SCRIPT_BUDGET, contentScriptPath } from '../../support/bundle-budget';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('content-script budget', () => {
  it('accepts a bundle up to the budget, byte for byte', () => {
    expect(CONTENT_SCRIPT_BUDGET).toBe(40_960);
    expect(bundleProblems(new Uint8Array(CONTENT_SCRIPT_BUDGET).fill(32))).toEqual([]);
    expect(bundleProblems(new Uint8Array(CONTENT_SCRIPT_BUDGET + 1).fill(32))).toEqual([
      'the content script is 40,961 bytes, over its budget of 40,960',
    ]);
  });

  it('counts bytes, not characters', () => {
    expect(bundleProblems(bytes('é'.repeat(6)), 11)).toHaveLength(1);
    expect(bundleProblems(bytes('é'.repeat(6)), 12)).toEqual([]);
  });

  it('finds webextension-polyfill in a bundle that carries it', () => {
    const polyfill = readFileSync(join(__dirname, '../../../node_modules/webextension-polyfill/dist/browser-polyfill.min.js'));
    const bundle = new Uint8Array([...bytes('(()=>{'), ...polyfill, ...bytes('})();')]);
    expect(bundleProblems(bundle)).toEqual([expect.stringMatching(/^the content script contains webextension-polyfill/)]);
    expect(bundleProblems(bytes('chrome.runtime.sendMessage({type:`page/count`})'))).toEqual([]);
  });

  it('reads the content script of a build and prints its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plot-armor-build-'));
    mkdirSync(join(dir, 'content-scripts'));
    writeFileSync(contentScriptPath(dir), 'x'.repeat(2048));
    const lines: string[] = [];
    expect(checkContentScript(dir, (line) => lines.push(line))).toEqual([]);
    expect(lines).toEqual([`content script (${dir}): 2,048 bytes, 2.0 KiB of 40 KiB`]);
  });
});
