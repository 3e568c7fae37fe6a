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

  it('are refused when malformed or out of range, so the lists are compiled instead', () => {
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
      // Cut short: the last form has no owner.
      { ...good, owners: good.owners.slice(0, -1) },
      // A code unit outside the encoding (a control character, a surrogate).
      { ...good, owners: `\u0001${good.owners.slice(1)}` },
      { ...good, owners: `\ud800${good.owners.slice(1)}` },
      // A digit that promises more and gets none.
      { ...good, owners: `${good.owners}\u4100` },
      // An entry with no role bits (list 0, role 0, last).
      { ...good, owners: `\u0101${good.owners.slice(1)}` },
      // A number too large for any list.
      { ...good, owners: `\u7fff\u7fff\u7fff\u0101${good.owners.slice(1)}` },
      { ...good, texts: `${good.texts}\nextra` },
    ];
    for (const forms of bad) expect(loadForms(forms, LISTS.length)).toBeNull();
    // An owner index beyond the lists given.
    expect(loadForms(good, 1)).toBeNull();
  });

  it('are not stored for none', () => {
    expect(storeForms([fakeList({ title: '...' })])).toBeNull();
  });

  it('hold thousands of lists and tens of thousands of forms, and match as compiling does', () => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      fakeList({ id: String(i), title: `Show ${i}`, characters: Array.from({ length: 10 }, (_, j) => `Name${i}x${j} Surname${j}`) }),
    );
    const forms = stored(many);
    const loaded = loadForms(forms, many.length);
    expect(loaded?.texts.length).toBeGreaterThan(30_000);
    const fromForms = compileMatcher(many, loaded);
    const compiled = compileMatcher(many);
    for (const text of ['Name0x0 Surname0 was there', 'Name2999x9 left', 'Surname3 and Name1234x5 Surname5', 'nobody']) {
      expect(titles(fromForms.match(text)), text).toEqual(titles(compiled.match(text)));
    }
    expect(titles(fromForms.match('Name2999x9 left'))).toEqual(['Show 2999']);
    // Owner indices run to 2,999: beyond what one code unit holds, and checked all the same.
    expect(loadForms(forms, 2_999)).toBeNull();
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
});
