import { describe, expect, it } from 'vitest';
import { parseWatchlistFile, serializeWatchlists } from '../../../lib/format/watchlist-file';
import { hidingTerms } from '../../../lib/shared/subscription';
import { fakeWatchlist } from '../factories';

const subscribed = fakeWatchlist({
  title: 'Dark',
  characters: ['Ulrich Nielsen'],
  cast: [],
  keywords: [],
  subscription: {
    url: 'https://lists.example/dark.json',
    source: 'Dark',
    terms: { characters: ['ulrich nielsen', 'Jonas Kahnwald'], cast: ['Louis Hofmann'], keywords: [] },
    updatedAt: 1,
    checkedAt: 1,
    problem: null,
  },
});

describe('hidingTerms', () => {
  it('is the list own terms followed by the file terms, without duplicates', () => {
    expect(hidingTerms(subscribed)).toEqual({ characters: ['Ulrich Nielsen', 'Jonas Kahnwald'], cast: ['Louis Hofmann'], keywords: [] });
    expect(hidingTerms(fakeWatchlist({ characters: ['A'], cast: [], keywords: [] }))).toEqual({ characters: ['A'], cast: [], keywords: [] });
  });

  it('an export of a subscribed list is a copy of everything it hides with', () => {
    const parsed = parseWatchlistFile(serializeWatchlists([subscribed]));
    expect(parsed).toMatchObject({ ok: true, watchlists: [{ title: 'Dark', characters: ['Ulrich Nielsen', 'Jonas Kahnwald'], cast: ['Louis Hofmann'] }] });
  });
});
