import { beforeAll, describe, expect, it } from 'vitest';
import { classOf, classOfCodePoint, isWordCodePoint, NO_SPACE, WORD } from '../../../lib/match/boundary';
import { ACCENT_RANGES, DROP, foldOf, IGNORABLE, SAME_AS, SPACE } from '../../../lib/match/fold';

// The fold and class tables are filled lazily (a page or a code unit at a time, with
// shortcuts for Latin-1 and for pages that fold to themselves) because the content script
// compiles in every frame. These tests rebuild both tables eagerly, the way they were
// built before (every code unit through `normalize`/`toLowerCase` and the property
// regexes, in order), and require the lazy ones to agree on every BMP code unit, filled in
// a shuffled order, so that laziness can never change what matches.

const ACCENTS = new RegExp(`[${ACCENT_RANGES.map(([a, b]) => `\\u${hex(a)}-\\u${hex(b)}`).join('')}]`, 'g');

function hex(c: number): string {
  return c.toString(16).padStart(4, '0');
}

/** The eager fold table, as built before pages. */
function eagerFold(): Uint16Array {
  const foldUnit = (c: number): number => {
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFD').replace(ACCENTS, '');
    const source = base.length === 1 ? base : ch;
    const lower = source.toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : source.charCodeAt(0);
  };
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x80; c++) t[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  for (let c = 0x80; c < 0x10000; c++) {
    if ((c >= 0x3400 && c < 0xa000) || (c >= 0xac00 && c < 0xf900)) t[c] = c;
    else t[c] = foldUnit(c);
  }
  const whitespace = /\s/;
  for (let c = 0; c < 0x10000; c++) if (whitespace.test(String.fromCharCode(c))) t[c] = SPACE;
  for (const [from, to] of ACCENT_RANGES) t.fill(DROP, from, to + 1);
  const same = new Map(SAME_AS);
  for (let c = 0x80; c < 0x10000; c++) t[c] = same.get(c) ?? same.get(t[c]!) ?? t[c]!;
  for (const c of IGNORABLE) t[c] = DROP;
  return t;
}

/** The eager class table, as built before: the property regexes for every code unit. */
function eagerClasses(fold: Uint16Array): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if ((c >= 0x3400 && c < 0x4dc0) || (c >= 0x4e00 && c < 0xa000)) t[c] = WORD | NO_SPACE;
    else if (c >= 0xac00 && c < 0xd7a4) t[c] = WORD | NO_SPACE;
    else if (c >= 0xd800 && c < 0xf900) t[c] = 0;
    else t[c] = classOfCodePoint(c);
  }
  for (let c = 0x80; c < 0x10000; c++) if (fold[c] === 0x27 || fold[c] === 0x2d) t[c] = 0;
  return t;
}

/** Pages 0–255 in a fixed shuffled order (so no page is filled because its neighbour was). */
function shuffledPages(): number[] {
  const pages = Array.from({ length: 0x100 }, (_, p) => p);
  let seed = 20240613;
  for (let i = pages.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    [pages[i], pages[j]] = [pages[j]!, pages[i]!];
  }
  return pages;
}

/** The first code units where two tables differ, for a readable failure. */
function differences(got: ArrayLike<number>, want: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let c = 0; c < 0x10000 && out.length < 10; c++) {
    if (got[c] !== want[c]) out.push(`U+${hex(c)}: ${got[c]} ≠ ${want[c]}`);
  }
  return out;
}

describe('lazily filled tables', () => {
  const folds = new Uint16Array(0x10000);
  const classes = new Uint8Array(0x10000);
  let fold: Uint16Array;
  beforeAll(() => {
    // The first reads of this module's tables: pages in shuffled order, classes read
    // before folds on odd pages, so a class may fill its fold page first.
    for (const [k, page] of shuffledPages().entries()) {
      const lo = page << 8;
      for (let c = lo + 0xff; c >= lo; c--) {
        if (k % 2) classes[c] = classOf(c);
        folds[c] = foldOf(c);
        if (!(k % 2)) classes[c] = classOf(c);
      }
    }
    fold = eagerFold();
  });

  it('fold every BMP code unit as the eager build does', () => {
    expect(differences(folds, fold)).toEqual([]);
  });

  it('classify every BMP code unit as the eager build does', () => {
    expect(differences(classes, eagerClasses(fold))).toEqual([]);
  });

  it('find word characters exactly where /[\\p{L}\\p{N}\\p{M}]/u does', () => {
    const word = /[\p{L}\p{N}\p{M}]/u;
    const got = new Uint8Array(0x10000);
    const want = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      got[c] = isWordCodePoint(c) ? 1 : 0;
      want[c] = c >= 0xd800 && c < 0xe000 ? 0 : word.test(String.fromCharCode(c)) ? 1 : 0;
    }
    expect(differences(got, want)).toEqual([]);
    for (const cp of [0x1d49c, 0x10400, 0x1f600, 0x20000]) expect(isWordCodePoint(cp)).toBe(word.test(String.fromCodePoint(cp)));
  });
});
