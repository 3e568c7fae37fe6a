import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_TERMS,
  parseWatchlistFile,
  serializeWatchlists,
  type ParseResult,
} from '../../../lib/format/watchlist-file';
import type { Problem } from '../../../lib/shared/problem';
import demoFile from '../../fixtures/watchlist-file-demo.json?raw';
import fullFile from '../../fixtures/watchlist-file-full.json?raw';
import { fakeImported, fakeWatchlist } from '../factories';


const file = (watchlists: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'plot-armor', version: 1, watchlists, ...extra });

function errorOf(result: ParseResult): Problem {
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
  it('rejects text that is not JSON, saying where it goes wrong when the engine tells, and never passing on its English', () => {
    // The engine names an offset (older V8) or a line and column (newer V8, Firefox): both come out as line 3, column 4.
    expect(errorOf(parseWatchlistFile('{\n"a": [1,\n 2 3]}'))).toEqual({ code: 'file-not-json-at', params: [3, 4] });
    expect(errorOf(parseWatchlistFile(''))).toMatchObject({ code: expect.stringMatching(/^file-not-json/) });
    const parse = JSON.parse;
    const failWith = (message: string) => {
      JSON.parse = () => {
        throw new SyntaxError(message);
      };
      return errorOf(parseWatchlistFile('{'));
    };
    try {
      expect(failWith("Unexpected token '}', \"{\"a\": }\" is not valid JSON")).toEqual({ code: 'file-not-json' });
      expect(failWith('JSON.parse: expected double-quoted property name at line 2 column 7 of the JSON data')).toEqual({
        code: 'file-not-json-at',
        params: [2, 7],
      });
    } finally {
      JSON.parse = parse;
    }
  });

  it.each([
    ['a wrong format', JSON.stringify({ format: 'other', version: 1, watchlists: [] })],
    ['a missing format', JSON.stringify({ version: 1, watchlists: [] })],
    ['a top-level array', '[]'],
    ['a top-level string', '"plot-armor"'],
    ['null', 'null'],
  ])('rejects %s as not a Plot Armor file', (_name, text) => {
    expect(errorOf(parseWatchlistFile(text))).toEqual({ code: 'file-not-ours', params: ['plot-armor'] });
  });

  it('rejects an unsupported or missing version', () => {
    expect(errorOf(parseWatchlistFile(file([], { version: 7 })))).toEqual({ code: 'file-version', params: ['7', 2] });
    expect(errorOf(parseWatchlistFile(JSON.stringify({ format: 'plot-armor', watchlists: [] })))).toEqual({
      code: 'file-version-missing',
      params: [2],
    });
    expect(errorOf(parseWatchlistFile(file([], { version: '1' })))).toEqual({ code: 'file-version', params: ['"1"', 2] });
  });

  it('rejects a missing watchlists list', () => {
    expect(errorOf(parseWatchlistFile(JSON.stringify({ format: 'plot-armor', version: 1 })))).toEqual({ code: 'file-no-lists' });
  });

  const ok = { title: 'Fine' };
  it.each([
    [[ok, {}], { code: 'entry-title-missing', params: [2] }],
    [[ok, { title: '   ' }], { code: 'entry-title-missing', params: [2] }],
    [[{ title: 5 }], { code: 'entry-title-not-text', params: [1] }],
    [[{ title: 'x'.repeat(501) }], { code: 'entry-title-too-long', params: [1, 500] }],
    [[ok, ok, { title: 'X', characters: 'Clay' }], { code: 'entry-terms-not-list', params: [3, 'characters'] }],
    [[ok, ok, { title: 'X', characters: ['Clay', 7] }], { code: 'entry-terms-not-list', params: [3, 'characters'] }],
    [[{ title: 'X', cast: null }], { code: 'entry-terms-not-list', params: [1, 'cast'] }],
    [[{ title: 'X', keywords: {} }], { code: 'entry-terms-not-list', params: [1, 'keywords'] }],
    [[{ title: 'X', keywords: ['y'.repeat(501)] }], { code: 'entry-term-too-long', params: [1, 'keywords', 500] }],
    [[{ title: 'X', enabled: 'yes' }], { code: 'entry-flag-invalid', params: [1, 'enabled'] }],
    [[{ title: 'X', matchNameParts: 1 }], { code: 'entry-flag-invalid', params: [1, 'matchNameParts'] }],
    [[{ title: 'X', hideUntil: 'next week' }], { code: 'entry-hide-until-invalid', params: [1] }],
    [[{ title: 'X', hideUntil: '2025-13-45' }], { code: 'entry-hide-until-invalid', params: [1] }],
    [[{ title: 'X', hideUntil: 1_700_000_000_000 }], { code: 'entry-hide-until-invalid', params: [1] }],
    [[ok, 'Dark'], { code: 'entry-not-object', params: [2] }],
    [[ok, ok, ok, null], { code: 'entry-not-object', params: [4] }],
  ])('rejects %j with %j', (watchlists, expected) => {
    expect(errorOf(parseWatchlistFile(file(watchlists)))).toEqual(expected);
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
      expect(errorOf(parseWatchlistFile(huge))).toEqual({ code: 'file-too-large', params: [50] });
      // Multi-byte text: fewer characters than the limit, but as many bytes.
      const wide = 'é'.repeat(MAX_IMPORT_BYTES / 2);
      expect(errorOf(parseWatchlistFile(wide)).code).toBe('file-too-large');
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
    expect(errorOf(parseWatchlistFile(over))).toEqual({ code: 'file-too-many-terms', params: [100_001, 100_000] });
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
    [{ title: 'X', mode: 'spoilers' }, { code: 'entry-mode-invalid', params: [1] }],
    [{ title: 'X', progress: { season: 0, episode: 1 } }, { code: 'entry-progress-invalid', params: [1] }],
    [{ title: 'X', progress: { season: 2, episode: 1.5 } }, { code: 'entry-progress-invalid', params: [1] }],
    [{ title: 'X', progress: 'S2E5' }, { code: 'entry-progress-invalid', params: [1] }],
    [{ title: 'X', exceptions: 'Clay Aiken' }, { code: 'entry-terms-not-list', params: [1, 'exceptions'] }],
    [{ title: 'X', link: { tvmaze: 'abc' } }, { code: 'entry-link-invalid', params: [1] }],
    [{ title: 'X', link: { tvmaze: 1, episodes: [{ season: 1 }] } }, { code: 'entry-link-invalid', params: [1] }],
    [{ title: 'X', link: { tvmaze: 1, episodes: [{ season: 1, number: -2 }] } }, { code: 'entry-link-invalid', params: [1] }],
    [{ title: 'X', link: { tvmaze: 1, episodes: [{ season: 1, number: 1, airstamp: 'soon' }] } }, { code: 'entry-link-invalid', params: [1] }],
    [{ title: 'X', onlyWhileBehind: 'yes' }, { code: 'entry-flag-invalid', params: [1, 'onlyWhileBehind'] }],
  ])('refuses %j', (entry, problem) => {
    expect(errorOf(parseWatchlistFile(v2([entry])))).toEqual(problem);
  });
});
