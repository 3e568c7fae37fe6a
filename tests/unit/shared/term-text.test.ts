import { describe, expect, it } from 'vitest';
import { mergeTerms, normalizeTerms, subtractTerms, titleKey } from '../../../lib/shared/term-text';

describe('normalizeTerms', () => {
  it('trims, collapses whitespace, drops empties, de-duplicates keeping the first spelling', () => {
    expect(normalizeTerms(['  Clay  Jensen ', '', '   ', 'clay jensen', 'CLAY\u00a0JENSEN', 'Hannah'])).toEqual([
      'Clay Jensen',
      'Hannah',
    ]);
  });

  it('treats composed and decomposed accents as the same term', () => {
    expect(normalizeTerms(['Zo\u00eb', 'Zoe\u0308'])).toEqual(['Zo\u00eb']);
  });
});

describe('mergeTerms', () => {
  it('keeps the order of a, appends new terms of b', () => {
    expect(mergeTerms(['Clay', 'Hannah'], ['hannah', 'Tyler', 'clay', 'Zach'])).toEqual(['Clay', 'Hannah', 'Tyler', 'Zach']);
  });
});

describe('subtractTerms / titleKey', () => {
  it('removes case-insensitively', () => {
    expect(subtractTerms(['Clay', 'Hannah', 'Tyler'], [' HANNAH '])).toEqual(['Clay', 'Tyler']);
  });

  it('folds titles for uniqueness', () => {
    expect(titleKey('  13 Reasons   WHY ')).toBe('13 reasons why');
  });
});
