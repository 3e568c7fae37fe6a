import { describe, expect, it } from 'vitest';
import { foldTable, foldTerm, matchStart } from '../../../lib/match/fold';
import { nameParts } from '../../../lib/match/name-parts';
import { plural, runTogether, variants } from '../../../lib/match/terms';

describe('foldTerm', () => {
  it('lower-cases, strips accents and keeps one unit per unit', () => {
    expect(foldTerm('  Élite   GUZMÁN ')).toBe('elite guzman');
    expect(foldTerm('İstanbul Øresund Łódź ΟΔΥΣΣΕΑΣ')).toBe('istanbul oresund lodz οδυσσεασ');
    expect(foldTerm('O’Brien Jean\u2011Luc')).toBe("o'brien jean-luc");
  });
  it('drops soft hyphens and zero-width characters, folds every whitespace to one space', () => {
    expect(foldTerm('Han\u00adnah\u200b\u00a0\u3000Baker')).toBe('hannah baker');
  });
  it('keeps letters whose marks are not accents', () => {
    expect(foldTerm('が한ß')).toBe('が한ß');
  });
});

describe('matchStart', () => {
  it('walks back over dropped units and counts a whitespace run once', () => {
    const text = 'xx Guzma\u0301n \n  Ybarra';
    expect(matchStart(text, text.length - 1, 'guzman ybarra'.length, foldTable())).toBe(3);
  });
});

describe('term expansions', () => {
  it('runs titles together only when they have two or more words', () => {
    expect(runTogether("grey's anatomy")).toBe('greysanatomy');
    expect(runTogether('c++')).toBeNull();
  });
  it('pluralizes like simple English', () => {
    expect(['tape', 'wedding', 'kiss', 'box', 'match', 'party', 'boy', 'x-ray', 'c++'].map(plural)).toEqual([
      'tapes', 'weddings', 'kisses', 'boxes', 'matches', 'parties', 'boys', 'x-rays', null,
    ]);
  });
  it('adds hyphen and trailing punctuation variants, drops punctuation-only forms', () => {
    expect(variants('spider-man')).toEqual(['spider-man', 'spider man', 'spiderman']);
    expect(variants('dr. who?')).toEqual(['dr. who?', 'dr. who']);
    expect(variants('...')).toEqual([]);
  });
  it('keeps distinctive name parts only', () => {
    expect(nameParts('dr. gregory house')).toEqual(['gregory', 'house']);
    expect(nameParts('ludwig van beethoven jr.')).toEqual(['ludwig', 'beethoven']);
    expect(nameParts('jo "jojo" ng')).toEqual(['jojo']);
    expect(nameParts('zendaya')).toEqual([]);
  });
});
