import { describe, expect, it } from 'vitest';
import { activeListsAt, buildSnapshot, isTermSnapshot, type TermSnapshot } from '../../../lib/shared/snapshot';
import { fakeWatchlist } from '../factories';

const NOW = 1_000_000;

describe('buildSnapshot', () => {
  it('keeps only the lists active now, stripped to the matcher fields', () => {
    const always = fakeWatchlist({ id: 'a', title: 'Always' });
    const snoozed = fakeWatchlist({ id: 'b', title: 'Until later', hideUntil: NOW + 500 });
    const disabled = fakeWatchlist({ id: 'c', enabled: false, hideUntil: NOW + 100 });
    const expired = fakeWatchlist({ id: 'd', hideUntil: NOW });
    const snapshot = buildSnapshot([always, snoozed, disabled, expired], NOW);

    expect(snapshot).toEqual({
      v: 1,
      lists: [
        {
          id: 'a',
          title: 'Always',
          enabled: true,
          matchNameParts: true,
          hideUntil: null,
          characters: always.characters,
          cast: always.cast,
          keywords: always.keywords,
        },
        expect.objectContaining({ id: 'b', hideUntil: NOW + 500 }),
      ],
      // The disabled list's date does not matter: it cannot become active by time.
      nextChange: NOW + 500,
    });
    expect(snapshot.lists[0]).not.toHaveProperty('createdAt');
    expect(isTermSnapshot(snapshot)).toBe(true);
    expect(isTermSnapshot(JSON.parse(JSON.stringify(snapshot)))).toBe(true);
  });

  it('has no next change without future dates, and works for no lists', () => {
    expect(buildSnapshot([fakeWatchlist()], NOW).nextChange).toBeNull();
    expect(buildSnapshot([], NOW)).toEqual({ v: 1, lists: [], nextChange: null });
  });

  it('picks the earliest future date', () => {
    const lists = [NOW + 30, NOW + 10, NOW + 20].map((hideUntil) => fakeWatchlist({ hideUntil }));
    expect(buildSnapshot(lists, NOW).nextChange).toBe(NOW + 10);
  });
});

describe('activeListsAt', () => {
  it('drops lists once their hide-until date passes, with no new snapshot', () => {
    const snapshot = buildSnapshot(
      [fakeWatchlist({ id: 'a' }), fakeWatchlist({ id: 'b', hideUntil: NOW + 500 })],
      NOW,
    );
    expect(activeListsAt(snapshot, NOW).map((l) => l.id)).toEqual(['a', 'b']);
    expect(activeListsAt(snapshot, NOW + 499).map((l) => l.id)).toEqual(['a', 'b']);
    expect(activeListsAt(snapshot, NOW + 500).map((l) => l.id)).toEqual(['a']);
  });

  it('accepts hand-made snapshots whose lists have no hideUntil', () => {
    const { hideUntil: _h, createdAt: _c, updatedAt: _u, ...list } = fakeWatchlist();
    const snapshot: TermSnapshot = { v: 1, lists: [list], nextChange: null };
    expect(isTermSnapshot(snapshot)).toBe(true);
    expect(activeListsAt(snapshot, NOW)).toEqual([list]);
  });
});

describe('isTermSnapshot', () => {
  const good = buildSnapshot([fakeWatchlist({ hideUntil: NOW + 1 })], NOW);
  const list = good.lists[0];
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'snapshot'],
    ['another version', { ...good, v: 2 }],
    ['no lists', { v: 1, nextChange: null }],
    ['lists not an array', { ...good, lists: {} }],
    ['a list without title', { ...good, lists: [{ ...list, title: undefined }] }],
    ['a non-string term', { ...good, lists: [{ ...list, keywords: ['ok', 3] }] }],
    ['a string hideUntil', { ...good, lists: [{ ...list, hideUntil: '2030-01-01' }] }],
    ['a missing nextChange', { v: 1, lists: [] }],
    ['a NaN nextChange', { ...good, nextChange: Number.NaN }],
  ])('rejects %s', (_name, value) => {
    expect(isTermSnapshot(value)).toBe(false);
  });
});
