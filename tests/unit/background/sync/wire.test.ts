import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../../../../lib/background/sync/doc';
import { newClock } from '../../../../lib/background/sync/hlc';
import { docView, FIELD_DEFAULTS, stampLocal, type SyncedList } from '../../../../lib/background/sync/view';
import { fromWireJson, toWireJson, WIRE_VERSION } from '../../../../lib/background/sync/wire';

const clock = newClock(Math.random, 'aaaaaa');
const lists: SyncedList[] = [
  {
    id: 'b-1', title: 'Dark', enabled: true, matchNameParts: false, hideUntil: 5, createdAt: 1, characters: ['Jonas', 'Martha'], cast: ['Louis Hofmann'], keywords: [],
    link: { tvmazeId: 17861 }, progress: { season: 2, episode: 5 }, mode: 'past-progress', exceptions: ['Dark Matter'], onlyWhileBehind: true,
  },
  { ...FIELD_DEFAULTS, id: 'a-2', title: 'Lost', enabled: false, matchNameParts: true, hideUntil: null, createdAt: 2, characters: [], cast: [], keywords: ['hatch'] },
];

describe('the sync document as JSON', () => {
  it('reads back what it wrote, and writes the same text for the same document', () => {
    const { doc } = stampLocal(emptyDoc(), clock, lists, 1000);
    const text = toWireJson(doc);
    const read = fromWireJson(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(toWireJson(read.doc)).toBe(text);
    expect(docView(read.doc)).toEqual(docView(doc));
    // Same document built in another order: same text.
    const reversed = stampLocal(emptyDoc(), clock, [...lists].reverse(), 1000);
    expect(toWireJson(reversed.doc)).toBe(text);
  });

  it('refuses damaged or foreign text as a whole', () => {
    const { doc } = stampLocal(emptyDoc(), clock, lists, 1000);
    const good = JSON.parse(toWireJson(doc));
    const damage = (change: (w: any) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return fromWireJson(JSON.stringify(copy));
    };
    expect(fromWireJson('{"v":1,"l":[').ok).toBe(false);
    expect(damage((w) => (w.l[0][1] = 'yesterday'))).toEqual({ ok: false, reason: 'corrupt' });
    expect(damage((w) => (w.l[0][0] = '../x'))).toEqual({ ok: false, reason: 'corrupt' });
    expect(damage((w) => (w.l[1][4].characters[0][1] = [42]))).toEqual({ ok: false, reason: 'corrupt' });
    expect(damage((w) => (w.l[1][4].villains = []))).toEqual({ ok: false, reason: 'corrupt' });
    expect(damage((w) => w.l.push(w.l[0]))).toEqual({ ok: false, reason: 'corrupt' });
    expect(damage((w) => (w.v = WIRE_VERSION + 1))).toEqual({ ok: false, reason: 'newer' });
  });
});
