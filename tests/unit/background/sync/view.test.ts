import { describe, expect, it } from 'vitest';
import { emptyDoc, mergeDocs } from '../../../../lib/background/sync/doc';
import { newClock, observe } from '../../../../lib/background/sync/hlc';
import { FIELD_DEFAULTS, docView, stampLocal, type SyncedList } from '../../../../lib/background/sync/view';

function list(overrides: Partial<SyncedList> = {}): SyncedList {
  return {
    ...FIELD_DEFAULTS,
    id: 'dark', title: 'Dark', enabled: true, matchNameParts: true, hideUntil: null, createdAt: 1,
    characters: ['Jonas Kahnwald'], cast: [], keywords: [], ...overrides,
  };
}

const clockA = newClock(Math.random, 'aaaaaa');
const clockB = newClock(Math.random, 'bbbbbb');

describe('recording local edits and reading them back', () => {
  it('changes nothing when the lists match the document', () => {
    const first = stampLocal(emptyDoc(), clockA, [list()], 1000);
    expect(first.changed).toBe(true);
    const again = stampLocal(first.doc, first.clock, [list()], 2000);
    expect(again.changed).toBe(false);
    expect(again.doc).toBe(first.doc);
    expect(docView(first.doc)).toEqual([list()]);
  });

  it('keeps edits of two devices to different groups and different terms of one list', () => {
    const base = stampLocal(emptyDoc(), clockA, [list()], 1000);
    const a = stampLocal(base.doc, base.clock, [list({ characters: ['Jonas Kahnwald', 'Martha'] })], 2000);
    const b = stampLocal(base.doc, observe(clockB, base.clock.last), [list({ characters: ['Jonas Kahnwald', 'Mikkel'], cast: ['Louis Hofmann'], enabled: false })], 2000);
    const [merged] = docView(mergeDocs(a.doc, b.doc));
    expect(new Set(merged!.characters)).toEqual(new Set(['Jonas Kahnwald', 'Martha', 'Mikkel']));
    expect(merged!.cast).toEqual(['Louis Hofmann']);
    expect(merged!.enabled).toBe(false);
  });

  it('removes a term removed on one device while the other added a different one', () => {
    const base = stampLocal(emptyDoc(), clockA, [list()], 1000);
    const a = stampLocal(base.doc, base.clock, [list({ characters: [] })], 2000);
    const b = stampLocal(base.doc, observe(clockB, base.clock.last), [list({ characters: ['Jonas Kahnwald', 'Martha'] })], 2000);
    expect(docView(mergeDocs(a.doc, b.doc))[0]!.characters).toEqual(['Martha']);
  });

  it('keeps a list deleted when another device, its clock a day ahead, edited it meanwhile', () => {
    const base = stampLocal(emptyDoc(), clockA, [list()], 1000);
    const day = 86_400_000;
    const edited = stampLocal(base.doc, observe(clockB, base.clock.last), [list({ keywords: ['cave'] })], 2000 + day);
    const deleted = stampLocal(base.doc, base.clock, [], 3000);
    expect(docView(mergeDocs(deleted.doc, edited.doc))).toEqual([]);
    expect(docView(mergeDocs(edited.doc, deleted.doc))).toEqual([]);
  });

  it('brings a list back only when it is restored after the deletion was seen', () => {
    const base = stampLocal(emptyDoc(), clockA, [list()], 1000);
    const day = 86_400_000;
    const deleted = stampLocal(base.doc, observe(clockB, base.clock.last), [], 1000 + day);
    // Device A, its clock a day behind, sees the deletion, then restores the list.
    const seen = mergeDocs(base.doc, deleted.doc);
    const restored = stampLocal(seen, observe(base.clock, deleted.clock.last), [list()], 5000);
    expect(docView(mergeDocs(deleted.doc, restored.doc)).map((l) => l.id)).toEqual(['dark']);
  });

  it('gives lists that two devices created with one title distinct titles, the same on both', () => {
    const a = stampLocal(emptyDoc(), clockA, [list({ id: 'one', createdAt: 1 })], 1000);
    const b = stampLocal(emptyDoc(), clockB, [list({ id: 'two', title: 'dark', createdAt: 2 })], 1000);
    const view = docView(mergeDocs(a.doc, b.doc));
    expect(view.map((l) => l.title)).toEqual(['Dark', 'dark (2)']);
    expect(docView(mergeDocs(b.doc, a.doc))).toEqual(view);
  });

  it('stores a term named like an object property as a term', () => {
    const a = stampLocal(emptyDoc(), clockA, [list({ keywords: ['__proto__', 'constructor'] })], 1000);
    expect(docView(a.doc)[0]!.keywords.sort()).toEqual(['__proto__', 'constructor']);
  });
});
