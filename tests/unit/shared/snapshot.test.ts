import { describe, expect, it } from 'vitest';
import { activeListsAt, buildSnapshot, hasTextTerms, isTermSnapshot, type SnapshotList, type TermSnapshot } from '../../../lib/shared/snapshot';
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
      v: 2,
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
      forms: null,
    });
    expect(snapshot.lists[0]).not.toHaveProperty('createdAt');
    expect(isTermSnapshot(snapshot)).toBe(true);
    expect(isTermSnapshot(JSON.parse(JSON.stringify(snapshot)))).toBe(true);
  });

  it('has no next change without future dates, and works for no lists', () => {
    expect(buildSnapshot([fakeWatchlist()], NOW).nextChange).toBeNull();
    expect(buildSnapshot([], NOW)).toEqual({ v: 2, lists: [], nextChange: null, forms: null });
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
    const { hideUntil: _h, createdAt: _c, updatedAt: _u, link: _l, progress: _p, mode: _m, exceptions: _e, onlyWhileBehind: _o, ...list } = fakeWatchlist();
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
    ['another version', { ...good, v: 3 }],
    ['a bad boundary', { ...good, lists: [{ ...list, boundary: { season: 1, episode: -1, counts: [], titles: [], plainTitles: [] } }] }],
    ['a boundary without titles', { ...good, lists: [{ ...list, boundary: { season: 1, episode: 1, counts: [] } }] }],
    ['non-string exceptions', { ...good, lists: [{ ...list, exceptions: [1] }] }],
    ['a string from', { ...good, lists: [{ ...list, from: 'soon' }] }],
    ['no lists', { v: 1, nextChange: null }],
    ['lists not an array', { ...good, lists: {} }],
    ['a list without title', { ...good, lists: [{ ...list, title: undefined }] }],
    ['terms that are not a list', { ...good, lists: [{ ...list, keywords: 'ok' }] }],
    ['a string hideUntil', { ...good, lists: [{ ...list, hideUntil: '2030-01-01' }] }],
    ['a missing nextChange', { v: 1, lists: [] }],
    ['a NaN nextChange', { ...good, nextChange: Number.NaN }],
  ])('rejects %s', (_name, value) => {
    expect(isTermSnapshot(value)).toBe(false);
  });

  it('leaves what the term lists hold to their reader', () => {
    const odd = { ...list, keywords: ['ok', 3] } as unknown as SnapshotList;
    expect(isTermSnapshot({ ...good, lists: [odd] })).toBe(true);
    expect(hasTextTerms(odd)).toBe(false);
    expect(hasTextTerms(list!)).toBe(true);
  });
});

describe('episodes in the snapshot', () => {
  const DAY = 86_400_000;
  const link = {
    tvmazeId: 1,
    refreshedAt: NOW,
    episodes: [
      { season: 1, number: 1, title: 'Pilot', airstamp: new Date(NOW - 2 * DAY).toISOString() },
      { season: 1, number: 2, title: 'The Smile at the End of the Dock', airstamp: new Date(NOW + DAY).toISOString() },
    ],
  };

  it('carries the boundary of a list hiding what lies past the viewer’s episode, and exceptions', () => {
    const list = fakeWatchlist({ mode: 'past-progress', progress: { season: 1, episode: 1 }, link, exceptions: ['Clay Aiken'] });
    const [entry] = buildSnapshot([list], NOW).lists;
    expect(entry).toMatchObject({
      boundary: { season: 1, episode: 1, counts: [2], titles: ['The Smile at the End of the Dock'], plainTitles: [] },
      exceptions: ['Clay Aiken'],
    });
    expect(isTermSnapshot(JSON.parse(JSON.stringify(buildSnapshot([list], NOW))))).toBe(true);
    expect(buildSnapshot([fakeWatchlist()], NOW).lists[0]).not.toHaveProperty('boundary');
  });

  it('switches a list on only while the viewer is behind, from the next airing on', () => {
    const caughtUp = fakeWatchlist({ id: 'w', onlyWhileBehind: true, progress: { season: 1, episode: 1 }, link });
    const snapshot = buildSnapshot([caughtUp], NOW);
    expect(snapshot.lists[0]!.from).toBe(NOW + DAY);
    expect(snapshot.nextChange).toBe(NOW + DAY);
    expect(activeListsAt(snapshot, NOW)).toEqual([]);
    expect(activeListsAt(snapshot, NOW + DAY).map((l) => l.id)).toEqual(['w']);
    // Behind: on now. Caught up with nothing announced: not in the snapshot at all.
    expect(activeListsAt(buildSnapshot([{ ...caughtUp, progress: null }], NOW), NOW).map((l) => l.id)).toEqual(['w']);
    expect(buildSnapshot([{ ...caughtUp, progress: { season: 1, episode: 2 } }], NOW).lists).toEqual([]);
  });
});
