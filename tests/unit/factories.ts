import type { ImportedWatchlist } from '../../lib/format/watchlist-file';
import type { Watchlist } from '../../lib/shared/watchlist';

let counter = 0;

/** A complete, valid watchlist; override any field. */
export function fakeWatchlist(overrides: Partial<Watchlist> = {}): Watchlist {
  counter += 1;
  return {
    id: `list-${counter}`,
    title: `Show ${counter}`,
    enabled: true,
    matchNameParts: true,
    hideUntil: null,
    characters: ['Clay Jensen'],
    cast: ['Dylan Minnette'],
    keywords: ['tapes'],
    link: null,
    progress: null,
    mode: 'everything',
    exceptions: [],
    onlyWhileBehind: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A watchlist as parsed from an import file; override any field. */
export function fakeImported(overrides: Partial<ImportedWatchlist> = {}): ImportedWatchlist {
  counter += 1;
  return {
    title: `Imported ${counter}`,
    enabled: true,
    matchNameParts: true,
    hideUntil: null,
    characters: [],
    cast: [],
    keywords: [],
    link: null,
    progress: null,
    mode: 'everything',
    exceptions: [],
    onlyWhileBehind: false,
    ...overrides,
  };
}
