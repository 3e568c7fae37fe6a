import type { MatchList } from '../../../lib/shared/watchlist';

/** A watchlist for matcher tests: enabled, part matching on, no terms but its title. */
export function fakeList(overrides: Partial<MatchList> = {}): MatchList {
  const title = overrides.title ?? 'Some Show';
  return { id: title, title, enabled: true, matchNameParts: true, characters: [], cast: [], keywords: [], ...overrides };
}
