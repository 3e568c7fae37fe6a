import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import type { MatchList } from '../../../lib/shared/watchlist';
import { fakeList } from './fake-list';
import { referenceMatch } from './reference';

/** Whether `list` alone, compiled, matches `text`; also asserts the reference agrees. */
function hits(list: MatchList, text: string): boolean {
  const fast = compileMatcher([list]).match(text).length > 0;
  expect(referenceMatch([list], text).length > 0, `reference on ${JSON.stringify(text)}`).toBe(fast);
  return fast;
}

const show = fakeList({
  title: '13 Reasons Why',
  characters: ['Clay Jensen', 'Hannah Baker', 'Alex Standall', 'Tyler Down'],
  cast: ['Ross Butler'],
  keywords: ['tape', 'wedding'],
});

describe('rule 1: whole phrase, case- and accent-insensitive, any whitespace, possessives', () => {
  it.each(['Hannah’s', "Hannah's", 'Hannahʼs', 'Hannah’', "hannah baker's", 'HANNAH BAKER', 'Hannah \n\t Baker', 'Hannah\u00a0Baker'])(
    'matches %j',
    (text) => expect(hits(show, text)).toBe(true),
  );
  it('folds accents both ways', () => {
    const elite = fakeList({ title: 'Élite', characters: ['Guzmán Nunier'] });
    for (const text of ['Elite', 'ÉLITE', 'élite', 'GUZMAN', 'Guzman', 'Guzmán', 'Guzma\u0301n']) expect(hits(elite, text)).toBe(true);
    expect(hits(fakeList({ title: 'Guzman' }), 'Guzmán')).toBe(true);
  });
  it('does not match a phrase split by other words', () => {
    expect(hits(fakeList({ characters: ['Hannah Baker'], matchNameParts: false }), 'Hannah, a baker')).toBe(false);
  });
});

describe('rule 2: whole words only, punctuation literal', () => {
  const names = fakeList({ characters: ['Alex Standall', 'Clay Jensen', 'Tyler Down'] });
  it.each(['Alexander', 'Clayton', 'Tylerville', 'xAlex', 'Clay2', 'Cla\u00adyton'])('does not match %j', (text) =>
    expect(hits(names, text)).toBe(false),
  );
  it.each(['Alex.', '(Clay)', '"Tyler"', 'Clay—Hannah'])('matches %j', (text) => expect(hits(names, text)).toBe(true));
  it('uses Unicode letters for boundaries, not ASCII \\b', () => {
    expect(hits(names, 'ÉClay')).toBe(false);
    expect(hits(names, 'Clayé')).toBe(false);
    expect(hits(fakeList({ title: 'Zoë' }), 'Zoë!')).toBe(true);
  });
  it('keeps punctuation literal', () => {
    const shield = fakeList({ keywords: ['S.H.I.E.L.D.'] });
    expect(hits(shield, 'Agents of S.H.I.E.L.D.')).toBe(true);
    expect(hits(shield, 'SaHaIaEaLaDa')).toBe(false);
    expect(hits(fakeList({ keywords: ['C++'] }), 'I write C++ daily')).toBe(true);
    expect(hits(fakeList({ keywords: ['C++'] }), 'I write C daily')).toBe(false);
    expect(hits(fakeList({ title: 'Dr. Who?' }), 'Is Dr. Who? back')).toBe(true);
    expect(hits(fakeList({ title: 'Dr. Who?' }), 'Drx Who')).toBe(false);
    expect(hits(fakeList({ keywords: ['(.*)'] }), 'anything at all')).toBe(false);
  });
});

describe('rule 3: scripts without spaces match as substrings', () => {
  it('finds エレン inside a Japanese sentence', () => {
    expect(hits(fakeList({ characters: ['エレン'] }), 'エレンが地鳴らしを始めた')).toBe(true);
    expect(hits(fakeList({ title: '进击的巨人' }), '我在看进击的巨人第四季')).toBe(true);
    expect(hits(fakeList({ keywords: ['ไททัน'] }), 'ผ่าพิภพไททันภาคสุดท้าย')).toBe(true);
  });
  it('ends a Latin word at a no-space character', () => {
    expect(hits(fakeList({ title: 'Netflix' }), 'Netflixで配信')).toBe(true);
  });
});

describe('rule 4: name parts alone, only capitalized', () => {
  it.each(['Clay', 'CLAY', 'Butler', 'Hannah’s'])('matches %j', (text) => expect(hits(show, text)).toBe(true));
  it.each(['clay pottery', 'butler service'])('does not match %j', (text) => expect(hits(show, text)).toBe(false));
  it('never matches common lower-case words', () => {
    const got = fakeList({ characters: ['Jon Snow', 'Walter White', 'Arya Stark'], cast: ['Sean Bean', 'Kit Harington'] });
    for (const text of ['snow', 'white', 'stark', 'bean', 'kit']) expect(hits(got, `the ${text} fell`)).toBe(false);
    expect(hits(got, 'Snow fell')).toBe(true);
  });
  it('matches full names in any case', () => {
    const got = fakeList({ characters: ['Arya Stark', 'Walter White'], matchNameParts: false });
    expect(hits(got, 'ARYA STARK')).toBe(true);
    expect(hits(got, 'walter white')).toBe(true);
  });
  it('never matches honorifics, particles or two-letter parts alone', () => {
    const list = fakeList({ characters: ['Dr. Gregory House', 'Ludwig van Beethoven', 'Jo March', 'Bran the Broken', 'Mrs. Maisel'] });
    for (const text of ['Dr.', 'Dr', 'Mrs.', 'Van', 'van', 'The', 'Jo', 'JO']) expect(hits(list, text)).toBe(false);
    for (const text of ['Gregory', 'House', 'Beethoven', 'March', 'Bran', 'Maisel']) expect(hits(list, text)).toBe(true);
  });
  it('can be switched off per list', () => {
    const off = { ...show, matchNameParts: false };
    expect(hits(off, 'Clay')).toBe(false);
    expect(hits(off, 'Clay Jensen')).toBe(true);
  });
  it('takes capitalization from the original text, not the folded one', () => {
    expect(hits(fakeList({ characters: ['Élodie Martin'] }), 'E\u0301lodie')).toBe(true);
    expect(hits(fakeList({ characters: ['Élodie Martin'] }), 'élodie')).toBe(false);
  });
});

describe('rule 5: titles run together and as hashtags', () => {
  it.each(['#13ReasonsWhy', '13reasonswhy', '13REASONSWHY!'])('matches %j', (text) => expect(hits(show, text)).toBe(true));
  it('matches #GameOfThrones', () => {
    expect(hits(fakeList({ title: 'Game of Thrones' }), 'Loved #GameOfThrones tonight')).toBe(true);
    expect(hits(fakeList({ title: 'Game of Thrones' }), 'gameofthronesfan')).toBe(false);
  });
});

describe('rule 6: keywords also match their simple plural', () => {
  it.each(['tapes', 'weddings', 'Tape', 'WEDDING'])('matches %j', (text) => expect(hits(show, text)).toBe(true));
  it('pluralizes -y and sibilants', () => {
    expect(hits(fakeList({ keywords: ['party'] }), 'parties')).toBe(true);
    expect(hits(fakeList({ keywords: ['kiss'] }), 'kisses')).toBe(true);
    expect(hits(fakeList({ keywords: ['tape'] }), 'taped')).toBe(false);
  });
});

describe('rule 7: disabled lists, results', () => {
  it('never matches a disabled list', () => {
    expect(hits({ ...show, enabled: false }, '13 Reasons Why')).toBe(false);
    expect(compileMatcher([{ ...show, enabled: false }]).empty).toBe(true);
  });
  it('names each matched list once, in input order', () => {
    const a = fakeList({ title: 'Alpha', keywords: ['shared'] });
    const b = fakeList({ title: 'Beta', keywords: ['shared'] });
    const off = fakeList({ title: 'Gamma', enabled: false, keywords: ['shared'] });
    const m = compileMatcher([b, off, a]);
    expect(m.match('shared shared Alpha Beta')).toEqual([b, a]);
    expect(m.match('nothing here')).toEqual([]);
  });
  it('ignores empty and whitespace-only terms', () => {
    const blank = fakeList({ title: '  ', characters: ['', ' \t '], keywords: ['\u00a0', '...'] });
    const m = compileMatcher([blank]);
    expect(m.empty).toBe(true);
    expect(m.match('any text at all')).toEqual([]);
    expect(compileMatcher([]).empty).toBe(true);
  });
});

describe('open cases chosen in compile.ts', () => {
  it('treats hyphens as hyphen, space or nothing, and trailing punctuation as optional', () => {
    const spidey = fakeList({ characters: ['Spider-Man'] });
    for (const text of ['Spider-Man', 'spider man', 'Spiderman', 'Spider\u2011Man']) expect(hits(spidey, text)).toBe(true);
    expect(hits(fakeList({ keywords: ['S.H.I.E.L.D.'] }), 'agents of s.h.i.e.l.d')).toBe(true);
  });
  it('treats digits as word characters', () => {
    expect(hits(show, '213 Reasons Why')).toBe(false);
    expect(hits(show, '13 Reasons Why2')).toBe(false);
  });
});
