import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

/** The folders whose modules the content script bundles: their top level runs in every frame. */
const FOLDERS = ['lib/match', 'lib/scan', 'lib/content', 'lib/shared'];

type Node = { type?: string; regex?: { pattern: string; flags: string }; start: number; end: number; [key: string]: unknown };

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassDeclaration', 'ClassExpression']);

/** What `pick` finds among the nodes of `source` that run when it loads: those outside any function. */
function atLoad(source: string, pick: (node: Node) => string | null): string[] {
  const { program, errors } = parseSync('module.ts', source);
  expect(errors).toEqual([]);
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Node;
    if (n.type && FUNCTIONS.has(n.type)) return;
    const picked = pick(n);
    if (picked !== null) found.push(picked);
    for (const value of Object.values(n)) visit(value);
  };
  visit(program);
  return found;
}

/** Regex literals with Unicode property classes (`\p{…}`) that `source` makes when it loads, outside any function. */
const propertyRegexesAtLoad = (source: string): string[] =>
  atLoad(source, (n) => (n.regex && /\\[pP]\{/.test(n.regex.pattern) ? `/${n.regex.pattern}/${n.regex.flags}` : null));

/**
 * Calls and constructions that `source` runs when it loads, outside any function (but
 * `Object.freeze`, which builds nothing).
 */
const workAtLoad = (source: string): string[] =>
  atLoad(source, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return null;
    const text = source.slice(n.start, n.end);
    return text.startsWith('Object.freeze(') ? null : text.slice(0, 60);
  });

describe('what the content script pays when it loads', () => {
  it('builds nothing in the matcher: every frame loads it, only frames with text compile or match', () => {
    // Measured in Chromium: the matcher's tables, sets and word lists built at load (a
    // 64 KB and a 128 KB typed array, the honorifics, the number words, the printable
    // characters) cost each empty frame ~0.4 ms of its ~2 ms start.
    const offenders = readdirSync('lib/match')
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => workAtLoad(readFileSync(join('lib/match', name), 'utf8')).map((work) => `lib/match/${name}: ${work}`));
    expect(offenders).toEqual([]);
  });

  it('finds work done at load, and leaves what is done on first use', () => {
    expect(workAtLoad("const T = new Uint8Array(256);\nconst W = 'a b'.split(' ');\nconst N = Object.freeze([]);")).toEqual([
      'new Uint8Array(256)',
      "'a b'.split(' ')",
    ]);
    expect(workAtLoad("let t: Uint8Array | undefined;\nexport const f = () => (t ??= new Uint8Array(256));")).toEqual([]);
  });

  it('makes no regex with Unicode property classes: V8 reads them out of ICU, ~2 ms of a page start', () => {
    const offenders = FOLDERS.flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => name.endsWith('.ts'))
        .flatMap((name) => propertyRegexesAtLoad(readFileSync(join(folder, name), 'utf8')).map((re) => `${folder}/${name}: ${re}`)),
    );
    expect(offenders).toEqual([]);
  });

  it('finds one made at load, and leaves those made on first use', () => {
    expect(propertyRegexesAtLoad('const WORD = /\\p{L}/u;\nconst ok = /[a-z]/;')).toEqual(['/\\p{L}/u']);
    expect(propertyRegexesAtLoad('let r: RegExp | undefined;\nexport const f = () => (r ??= /\\p{L}/u);\nfunction g() { return /\\p{N}/u; }')).toEqual([]);
  });
});
