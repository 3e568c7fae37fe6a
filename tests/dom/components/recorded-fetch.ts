import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import type { FetchLike } from '../../../lib/tvmaze/client';

/** The recorded TVmaze answers in tests/fixtures/tvmaze, by request URL. */
export const RECORDED: Record<string, string> = {
  'https://api.tvmaze.com/search/shows?q=13%20Reasons%20Why': 'search-shows-13-reasons-why.json',
  'https://api.tvmaze.com/search/shows?q=Nothing%20Like%20This': 'search-shows-no-match.json',
  'https://api.tvmaze.com/shows/22036/cast': 'shows-22036-cast.json',
  'https://api.tvmaze.com/shows/22036/episodes': 'shows-22036-episodes.json',
};

/** A `fetch` that replays recorded responses (404 for anything else) and records the URLs asked for. */
export function recordedFetch() {
  return vi.fn<FetchLike>(async (url) => {
    const file = RECORDED[url];
    if (!file) return { ok: false, status: 404, json: async () => ({ name: 'Not Found', status: 404 }) };
    const body: unknown = JSON.parse(readFileSync(resolve('tests/fixtures/tvmaze', file), 'utf8'));
    return { ok: true, status: 200, json: async () => body };
  });
}
