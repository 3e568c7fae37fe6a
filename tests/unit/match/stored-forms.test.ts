import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { compileSnapshot, loadForms, storeForms, type StoredForms } from '../../../lib/match/stored-forms';
import { buildSnapshot } from '../../../lib/shared/snapshot';
import type { MatchList } from '../../../lib/shared/watchlist';
import { fakeWatchlist } from '../factories';
import { fakeList } from './fake-list';

/** Through JSON, as storage hands it to a content script. */
const stored = (lists: readonly MatchList[]) => JSON.parse(JSON.stringify(storeForms(lists))) as StoredForms;
const titles = (found: readonly MatchList[]) => found.map((l) => l.title);

const LISTS = [
  fakeList({ title: '13 Reasons Why', characters: ['Clay Jensen', 'Hannah Baker'], keywords: ['tapes'] }),
  fakeList({ title: 'Dark', characters: ['Jonas Kahnwald', 'Spider-Man'], cast: ['Louis Hofmann'], matchNameParts: false }),
  fakeList({ title: 'Off', enabled: false, characters: ['Clay Jensen'] }),
  fakeList({ title: 'Shared', keywords: ['tapes', 'S.H.I.E.L.D.'], characters: ['Élodie Brûlé'] }),
];

describe('stored forms', () => {
  it('match exactly as compiling the lists does', () => {
    const fromForms = compileMatcher(LISTS, loadForms(stored(LISTS), LISTS.length));
    const compiled = compileMatcher(LISTS);
    for (const text of [
      'Clay listens to the tapes', 'clay listens', 'Jonas was there', 'Jonas Kahnwald was there', 'spider man and spiderman',
      'Louis Hofmann', 'the SHIELD of S.H.I.E.L.D', 'elodie brule', 'Brûlé', '#13ReasonsWhy', 'nothing at all', '',
    ]) {
      expect(titles(fromForms.match(text)), text).toEqual(titles(compiled.match(text)));
    }
  });

  it('match as compiling does on generated lists and texts', () => {
    const word = fc.constantFrom('ava', 'Ava', 'Marlowe', 'marlowe', 'Jean-Luc', 'Öz', 'tape', 'S.H.I.E.L.D.', 'エレン', '13');
    const term = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const list = fc.record({
      title: term,
      matchNameParts: fc.boolean(),
      enabled: fc.boolean(),
      characters: fc.array(term, { maxLength: 4 }),
      keywords: fc.array(term, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 4 }), fc.array(fc.array(word, { maxLength: 8 }).map((w) => w.join(' ')), { maxLength: 6 }), (specs, texts) => {
        const lists = specs.map((spec, i) => fakeList({ ...spec, id: String(i), title: `${spec.title} ${i}` }));
        const forms = storeForms(lists);
        const fromForms = compileMatcher(lists, forms && loadForms(JSON.parse(JSON.stringify(forms)), lists.length));
        const compiled = compileMatcher(lists);
        expect(fromForms.empty).toBe(compiled.empty);
        for (const text of texts) expect(titles(fromForms.match(text))).toEqual(titles(compiled.match(text)));
      }),
    );
  });

  it('are refused when malformed, so the lists are compiled instead', () => {
    const good = stored(LISTS);
    expect(loadForms(good, LISTS.length)).not.toBeNull();
    const bad: unknown[] = [
      undefined,
      null,
      'forms',
      { ...good, texts: 5 },
      { ...good, texts: '' },
      { ...good, owners: 5 },
      { ...good, owners: [1, 2] },
      { ...good, more: undefined },
      { ...good, more: '1,2' },
      { ...good, wanted: undefined },
      { ...good, wanted: 0 },
      { ...good, wanted: LISTS.length + 1 },
      // Cut short: the last form has no owner.
      { ...good, owners: good.owners.slice(0, -1) },
      { ...good, texts: `${good.texts}\nextra` },
      // An empty form (the automaton takes none).
      { ...good, texts: `\n${good.texts.slice(good.texts.indexOf('\n') + 1)}` },
      // What the format before this one stored: entries of several code units, no `wanted`.
      { texts: good.texts, owners: `${good.owners}\u4100` },
    ];
    for (const forms of bad) expect(loadForms(forms, LISTS.length)).toBeNull();
  });

  it('leave out, when a form is first read, an owner that names no list or no role', () => {
    const good = stored(LISTS);
    const texts = good.texts.split('\n');
    const jonas = texts.indexOf('jonas kahnwald');
    const tapes = texts.indexOf('tapes');
    expect(jonas).toBeGreaterThanOrEqual(0);
    const at = (p: number, unit: string) => `${good.owners.slice(0, p)}${unit}${good.owners.slice(p + 1)}`;
    const matches = (forms: unknown, text: string, listCount = LISTS.length) =>
      titles(compileMatcher(LISTS.slice(0, listCount), loadForms(forms, listCount)).match(text));
    // Dark (the second list) matches no name part: its full name is its one form here.
    expect(matches(good, 'Jonas Kahnwald')).toEqual(['Dark']);
    // A control character, a surrogate, an entry with no role bits (list 1, role 0).
    for (const unit of ['\u0001', '\ud800', '\u0140']) expect(matches({ ...good, owners: at(jonas, unit) }, 'Jonas Kahnwald'), unit).toEqual([]);
    // "tapes" is two lists' (13 Reasons Why and Shared): the second owner is in `more`.
    expect(matches(good, 'the tapes')).toEqual(['13 Reasons Why', 'Shared']);
    for (const owner of [-2, 2.5, 'x', 2 ** 40]) {
      const more = good.more.map((v, i) => (i % 2 === 1 && good.more[i - 1] === tapes ? owner : v));
      expect(matches({ ...good, more }, 'the tapes'), String(owner)).toEqual(['13 Reasons Why']);
    }
    // An owner index beyond the lists given: "Shared" (the fourth) is left out with three.
    expect(matches(good, 'the tapes', 3)).toEqual(['13 Reasons Why']);
  });

  it('are not stored for none', () => {
    expect(storeForms([fakeList({ title: '...' })])).toBeNull();
  });

  it('hold thousands of lists and tens of thousands of forms, and match as compiling does', () => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      fakeList({ id: String(i), title: `Show ${i}`, characters: Array.from({ length: 10 }, (_, j) => `Name${i}x${j} Surname${j}`) }),
    );
    many.push(fakeList({ id: 'shared', title: 'Shared', characters: ['Name2999x9 Quill', 'Name5x5 Quill'] }));
    const forms = stored(many);
    const loaded = loadForms(forms, many.length);
    expect(loaded?.texts.length).toBeGreaterThan(30_000);
    const fromForms = compileMatcher(many, loaded);
    const compiled = compileMatcher(many);
    for (const text of ['Name0x0 Surname0 was there', 'Name2999x9 Quill left', 'Surname3 and Name1234x5 Surname5', 'Name5x5 Quill', 'nobody']) {
      expect(titles(fromForms.match(text)), text).toEqual(titles(compiled.match(text)));
    }
    // Lists from the 860th on have every owner in `more`, behind a code unit naming none.
    expect(titles(fromForms.match('Name2999x8 left'))).toEqual(['Show 2999']);
    expect(titles(fromForms.match('Name2999x9 Quill left'))).toEqual(['Show 2999', 'Shared']);
    expect(titles(fromForms.match('Name5x5 Quill'))).toEqual(['Show 5', 'Shared']);
  });
});

describe('compileSnapshot', () => {
  it('uses the stored forms while every list is active, and compiles the active lists once one drops out', () => {
    const now = 1_000_000;
    const built = buildSnapshot(
      [fakeWatchlist({ title: 'Kept', characters: ['Clay Jensen'] }), fakeWatchlist({ title: 'Ending', characters: ['Hannah Baker'], hideUntil: now + 10 })],
      now,
    );
    const snapshot = { ...built, forms: storeForms(built.lists) };
    expect(snapshot.forms).not.toBeNull();
    // Stored forms that disagree with the lists show which of the two was used.
    const other = [fakeList({ title: 'A', characters: ['Jonas Kahnwald'] }), fakeList({ title: 'B', characters: ['Martha Nielsen'] })];
    const swapped = { ...snapshot, forms: storeForms(other) };
    expect(titles(compileSnapshot(swapped, swapped.lists).match('Jonas Kahnwald'))).toEqual(['Kept']);
    const stillActive = swapped.lists.slice(0, 1);
    expect(compileSnapshot(swapped, stillActive).match('Jonas Kahnwald')).toEqual([]);
    expect(titles(compileSnapshot(swapped, stillActive).match('Clay Jensen'))).toEqual(['Kept']);
    // And the real stored forms match as the lists say.
    expect(titles(compileSnapshot(snapshot, snapshot.lists).match('Hannah Baker and Clay Jensen'))).toEqual(['Kept', 'Ending']);
  });

  it('compiles from the lists only those whose terms are all text', () => {
    const now = 1_000_000;
    const built = buildSnapshot([fakeWatchlist({ title: 'Kept', characters: ['Clay Jensen'] }), fakeWatchlist({ title: 'Odd', characters: ['Hannah Baker'] })], now);
    const odd = { ...built.lists[1]!, keywords: ['tapes', 7] as unknown as string[] };
    const lists = [built.lists[0]!, odd];
    // No stored forms: the odd list hides nothing, the other as ever.
    expect(titles(compileSnapshot({ ...built, lists }, lists).match('Hannah Baker and Clay Jensen'))).toEqual(['Kept']);
    // Its stored forms were built from text: they are used as they are.
    const snapshot = { ...built, lists, forms: storeForms(built.lists) };
    expect(titles(compileSnapshot(snapshot, lists).match('Hannah Baker and Clay Jensen'))).toEqual(['Kept', 'Odd']);
  });
});
