import { describe, expect, it } from 'vitest';
import { parseTermList } from '../../../lib/format/watchlist-file';

describe('parseTermList', () => {
  it('reads one term per line', () => {
    expect(parseTermList('Clay Jensen\r\nHannah Baker\n\n  Tyler Down  \n')).toEqual([
      'Clay Jensen',
      'Hannah Baker',
      'Tyler Down',
    ]);
  });

  it('reads comma-separated terms, also mixed with lines', () => {
    expect(parseTermList('Clay, Hannah,,Tyler\nZach ,  clay')).toEqual(['Clay', 'Hannah', 'Tyler', 'Zach']);
  });

  it('collapses inner whitespace and returns nothing for blank text', () => {
    expect(parseTermList('Clay \t  Jensen')).toEqual(['Clay Jensen']);
    expect(parseTermList(' \n , \n')).toEqual([]);
  });
});
