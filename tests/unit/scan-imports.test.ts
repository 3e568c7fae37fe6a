import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, resolveTarget } from '../support/import-rules';

const SCAN = join(__dirname, '../../lib/scan');

/** The scanner's modules and, for each, the scanner modules it imports (values and types alike). */
function graph(): Map<string, string[]> {
  const files = readdirSync(SCAN).filter((name) => name.endsWith('.ts'));
  return new Map(
    files.map((name) => {
      const file = `lib/scan/${name}`;
      const targets = importSpecifiers(readFileSync(join(SCAN, name), 'utf8'))
        .filter((s) => s.startsWith('./'))
        .map((s) => resolveTarget(file, s));
      return [file.replace(/\.ts$/, ''), targets];
    }),
  );
}

/** Every import cycle, as the chain of modules around it. */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const walk = (node: string, path: string[]): void => {
    const at = path.indexOf(node);
    if (at >= 0) {
      found.push([...path.slice(at), node]);
      return;
    }
    for (const next of edges.get(node) ?? []) walk(next, [...path, node]);
  };
  for (const node of edges.keys()) walk(node, []);
  return found;
}

describe("the scanner's modules", () => {
  it('import one another one way only: read, then decide, then write; attribute names and types from a leaf', () => {
    const edges = graph();
    expect(edges.get('lib/scan/scanner')).toContain('lib/scan/ledger');
    expect(cycles(edges)).toEqual([]);
    expect(edges.get('lib/scan/attributes')).toEqual([]);
    // The read side never reaches into the write side.
    for (const reader of ['lib/scan/collect', 'lib/scan/block', 'lib/scan/change-queue', 'lib/scan/last-read']) {
      expect(edges.get(reader)!.filter((t) => /ledger|control|text-hiding/.test(t))).toEqual([]);
    }
  });

  it('finds a cycle when there is one', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['a']],
    ]);
    expect(cycles(edges).length).toBeGreaterThan(0);
  });
});
