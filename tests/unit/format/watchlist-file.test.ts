import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_TERMS,
  parseWatchlistFile,
  serializeWatchlists,
  type ParseResult,
} from '../../../lib/format/watchlist-file';
import demoFile from '../../fixtures/watchlist-file-demo.json?raw';
import fullFile from '../../fixtures/watchlist-file-full.json?raw';
import { fakeImported, fakeWatchlist } from '../factories';


const file = (watchlists: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'plot-armor', version: 1, watchlists, ...extra });

function errorOf(result: ParseResult): string {
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

describe('parseWatchlistFile: valid files', () => {
  it('reads the demo file, filling defaults', () => {
    const result = parseWatchlistFile(demoFile);
    expect(result).toEqual({
      ok: true,
      watchlists: [
        fakeImported({
          title: '13 Reasons Why',
          characters: ['Clay Jensen', 'Hannah Baker', 'Alex Standall', 'Bryce Walker', 'Tyler Down', 'Zach Dempsey'],
          cast: ['Dylan Minnette', 'Katherine Langford', 'Ross Butler', 'Miles Heizer', 'Justin Prentice', 'Devin Druid'],
          keywords: ['tapes'],
        }),
      ],
    });
  });

  it('reads every field and merges duplicate titles (first entry settings win)', () => {
    const result = parseWatchlistFile(fullFile);
    expect(result).toEqual({
      ok: true,
      watchlists: [
        {
          title: 'Dark',
          enabled: false,
          matchNameParts: false,
          hideUntil: Date.UTC(2030, 0, 1),
          characters: ['Jonas Kahnwald', 'Martha Nielsen'],
          cast: ['Louis Hofmann'],
          keywords: ['cave', 'time travel', 'Winden'],
          link: null,
          progress: null,
          mode: 'everything',
          exceptions: [],
          onlyWhileBehind: false,
        },
        fakeImported({ title: 'Severance' }),
      ],
    });
  });

  it('takes only title as required, trims and de-duplicates terms, ignores unknown fields', () => {
    const result = parseWatchlistFile(
      file([{ title: '  The  Bear ', characters: [' Carmy ', 'carmy', ''], colour: 'red' }], { exportedBy: 'x' }),
    );
    expect(result).toEqual({ ok: true, watchlists: [fakeImported({ title: 'The Bear', characters: ['Carmy'] })] });
  });

  it('accepts an empty list of watchlists and hideUntil with a time zone', () => {
    expect(parseWatchlistFile(file([]))).toEqual({ ok: true, watchlists: [] });
    const result = parseWatchlistFile(file([{ title: 'A', hideUntil: '2030-01-01T12:00:00+02:00' }]));
    expect(result.ok && result.watchlists[0]?.hideUntil).toBe(Date.UTC(2030, 0, 1, 10));
  });
});

describe('parseWatchlistFile: invalid files', () => {
  it.each([
    ['not JSON', '{ "format": ', /^This file is not valid JSON \(.+\)$/],
    ['empty text', '', /^This file is not valid JSON \(.+\)$/],
  ])('rejects %s', (_name, text, message) => {
    expect(errorOf(parseWatchlistFile(text))).toMatch(message);
  });

  it.each([
    ['a wrong format', JSON.stringify({ format: 'other', version: 1, watchlists: [] })],
    ['a missing format', JSON.stringify({ version: 1, watchlists: [] })],
    ['a top-level array', '[]'],
    ['a top-level string', '"plot-armor"'],
    ['null', 'null'],
  ])('rejects %s as not a Plot Armor file', (_name, text) => {
    expect(errorOf(parseWatchlistFile(text))).toBe(
      'This is not a Plot Armor watchlist file: "format" must be "plot-armor"',
    );
  });

  it('rejects an unsupported or missing version', () => {
    expect(errorOf(parseWatchlistFile(file([], { version: 7 })))).toBe(
      'Unsupported version 7: this version of Plot Armor reads versions 1 and 2',
    );
    expect(errorOf(parseWatchlistFile(JSON.stringify({ format: 'plot-armor', watchlists: [] })))).toBe(
      'Unsupported version (missing): this version of Plot Armor reads versions 1 and 2',
    );
    expect(errorOf(parseWatchlistFile(file([], { version: '1' })))).toBe(
      'Unsupported version "1": this version of Plot Armor reads versions 1 and 2',
    );
  });

  it('rejects a missing watchlists list', () => {
    expect(errorOf(parseWatchlistFile(JSON.stringify({ format: 'plot-armor', version: 1 })))).toBe(
      'This Plot Armor file has no list of watchlists: "watchlists" must be a list',
    );
  });

  const ok = { title: 'Fine' };
  it.each([
    [[ok, {}], 'watchlist 2: `title` is required'],
    [[ok, { title: '   ' }], 'watchlist 2: `title` is required'],
    [[{ title: 5 }], 'watchlist 1: `title` must be text'],
    [[ok, ok, { title: 'X', characters: 'Clay' }], 'watchlist 3: `characters` must be a list of names'],
    [[ok, ok, { title: 'X', characters: ['Clay', 7] }], 'watchlist 3: `characters` must be a list of names'],
    [[{ title: 'X', cast: null }], 'watchlist 1: `cast` must be a list of names'],
    [[{ title: 'X', keywords: {} }], 'watchlist 1: `keywords` must be a list of names'],
    [[{ title: 'X', enabled: 'yes' }], 'watchlist 1: `enabled` must be true or false'],
    [[{ title: 'X', matchNameParts: 1 }], 'watchlist 1: `matchNameParts` must be true or false'],
    [[{ title: 'X', hideUntil: 'next week' }], 'watchlist 1: `hideUntil` must be a date like "2025-06-01" (or null)'],
    [[{ title: 'X', hideUntil: '2025-13-45' }], 'watchlist 1: `hideUntil` must be a date like "2025-06-01" (or null)'],
    [[{ title: 'X', hideUntil: 1_700_000_000_000 }], 'watchlist 1: `hideUntil` must be a date like "2025-06-01" (or null)'],
    [[ok, 'Dark'], 'watchlist 2 must be an object with a `title`'],
    [[ok, ok, ok, null], 'watchlist 4 must be an object with a `title`'],
  ])('rejects %j with "%s"', (watchlists, message) => {
    expect(errorOf(parseWatchlistFile(file(watchlists)))).toBe(message);
  });
});

describe('parseWatchlistFile: size guards', () => {
  it(`refuses text of ${MAX_IMPORT_BYTES} bytes or more without parsing it`, () => {
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = (...args: Parameters<typeof parse>) => {
      parsed += 1;
      return parse(...args);
    };
    try {
      const huge = file([{ title: 'X', keywords: ['a'.repeat(MAX_IMPORT_BYTES)] }]);
      expect(errorOf(parseWatchlistFile(huge))).toBe('This file is too large: Plot Armor imports files under 50 MB');
      // Multi-byte text: fewer characters than the limit, but as many bytes.
      const wide = 'é'.repeat(MAX_IMPORT_BYTES / 2);
      expect(errorOf(parseWatchlistFile(wide))).toMatch(/too large/);
      expect(parsed).toBe(0);
    } finally {
      JSON.parse = parse;
    }
  });

  it('accepts text just under the byte limit (it is then parsed)', () => {
    const padding = ' '.repeat(MAX_IMPORT_BYTES - file([]).length - 1);
    expect(parseWatchlistFile(file([]) + padding)).toEqual({ ok: true, watchlists: [] });
  });

  it(`refuses more than ${MAX_IMPORT_TERMS} terms, counted over all lists`, () => {
    const half = Array.from({ length: MAX_IMPORT_TERMS / 2 }, (_, i) => `term ${i}`);
    const atLimit = file([{ title: 'A', keywords: half }, { title: 'B', cast: half }]);
    expect(parseWatchlistFile(atLimit).ok).toBe(true);
    const over = file([{ title: 'A', keywords: half }, { title: 'B', cast: [...half, 'one more'] }]);
    expect(errorOf(parseWatchlistFile(over))).toBe(
      'This file has too many terms (100,001): Plot Armor imports at most 100,000 at once',
    );
  });
});

describe('serializeWatchlists', () => {
  it('writes the public format without ids or timestamps', () => {
    const text = serializeWatchlists([fakeWatchlist({ title: 'Dark', hideUntil: Date.UTC(2030, 0, 1) })]);
    expect(JSON.parse(text)).toEqual({
      format: 'plot-armor',
      version: 2,
      watchlists: [
        {
          title: 'Dark',
          enabled: true,
          matchNameParts: true,
          hideUntil: '2030-01-01T00:00:00.000Z',
          characters: ['Clay Jensen'],
          cast: ['Dylan Minnette'],
          keywords: ['tapes'],
          mode: 'everything',
          progress: null,
          exceptions: [],
          onlyWhileBehind: false,
          link: null,
        },
      ],
    });
    expect(text).toContain('\n  "format": "plot-armor"');
  });

  it('round-trips export → import losslessly', () => {
    const lists = [
      fakeWatchlist({ title: 'Dark', enabled: false, matchNameParts: false, hideUntil: 1_893_456_000_123 }),
      fakeWatchlist({ title: 'Ünïcödé “quotes” \\ and / slashes', characters: ['Zoë', 'O\'Brien'], cast: [], keywords: ['🎬 emoji'] }),
      fakeWatchlist({ title: 'Empty', characters: [], cast: [], keywords: [] }),
      fakeWatchlist({
        title: 'Linked',
        mode: 'past-progress',
        progress: { season: 2, episode: 5 },
        exceptions: ['Clay Aiken', 'snow day'],
        onlyWhileBehind: true,
        link: {
          tvmazeId: 22036,
          refreshedAt: Date.UTC(2026, 10, 1),
          episodes: [
            { season: 1, number: 1, title: 'Tape 1, Side A', airstamp: '2017-03-31T07:00:00+00:00' },
            { season: 3, number: 1, title: 'Yes, It\'s Me', airstamp: null },
          ],
        },
      }),
    ];
    const result = parseWatchlistFile(serializeWatchlists(lists));
    expect(result).toEqual({
      ok: true,
      watchlists: lists.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest),
    });
  });
});

describe('version 2: the episode fields', () => {
  const v2 = (watchlists: unknown) => JSON.stringify({ format: 'plot-armor', version: 2, watchlists });

  it('reads the link, progress, mode, exceptions and switch', () => {
    const result = parseWatchlistFile(
      v2([
        {
          title: '13 Reasons Why',
          mode: 'past-progress',
          progress: { season: 2, episode: 5 },
          exceptions: ['Clay Aiken', ' Clay Aiken '],
          link: { tvmaze: 22036, episodes: [{ season: 1, number: 1, title: 'Tape 1, Side A', airstamp: '2017-03-31T07:00:00+00:00' }] },
        },
      ]),
    );
    expect(result).toEqual({
      ok: true,
      watchlists: [
        fakeImported({
          title: '13 Reasons Why',
          mode: 'past-progress',
          progress: { season: 2, episode: 5 },
          exceptions: ['Clay Aiken'],
          link: { tvmazeId: 22036, refreshedAt: 0, episodes: [{ season: 1, number: 1, title: 'Tape 1, Side A', airstamp: '2017-03-31T07:00:00+00:00' }] },
        }),
      ],
    });
  });

  it('still reads version 1 files, as hiding everything', () => {
    const result = parseWatchlistFile(file([{ title: 'Old', characters: ['Clay'] }]));
    expect(result).toEqual({ ok: true, watchlists: [fakeImported({ title: 'Old', characters: ['Clay'] })] });
  });

  it.each([
    [{ title: 'X', mode: 'spoilers' }, 'watchlist 1: `mode` must be "everything" or "past-progress"'],
    [{ title: 'X', progress: { season: 0, episode: 1 } }, 'watchlist 1: `progress.season` must be 1 or more'],
    [{ title: 'X', progress: { season: 2, episode: 1.5 } }, 'watchlist 1: `progress.episode` must be a whole number'],
    [{ title: 'X', progress: 'S2E5' }, 'watchlist 1: `progress` must be like { "season": 2, "episode": 5 } (or null)'],
    [{ title: 'X', exceptions: 'Clay Aiken' }, 'watchlist 1: `exceptions` must be a list of names'],
    [{ title: 'X', link: { tvmaze: 'abc' } }, 'watchlist 1: `link.tvmaze` must be a whole number'],
    [{ title: 'X', link: { tvmaze: 1, episodes: [{ season: 1 }] } }, 'watchlist 1: each episode must be like { "season": 1, "number": 1, "title": "…", "airstamp": "…" }'],
    [{ title: 'X', link: { tvmaze: 1, episodes: [{ season: 1, number: -2 }] } }, 'watchlist 1: `number` must be 0 or more'],
    [{ title: 'X', link: { tvmaze: 1, episodes: [{ season: 1, number: 1, airstamp: 'soon' }] } }, 'watchlist 1: `airstamp` must be a date-time like "2017-03-31T07:00:00+00:00" (or null)'],
    [{ title: 'X', onlyWhileBehind: 'yes' }, 'watchlist 1: `onlyWhileBehind` must be true or false'],
  ])('refuses %j', (entry, message) => {
    expect(errorOf(parseWatchlistFile(v2([entry])))).toBe(message);
  });
});
