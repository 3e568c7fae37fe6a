import { describe, expect, it } from 'vitest';
import { isHostPaused, PAUSED_KEY, readPageState, SETTINGS_KEY, SNAPSHOT_KEY } from '../../../lib/shared/page-state';

describe('page state', () => {
  it('reads malformed storage contents as absent', () => {
    expect(readPageState({ [SNAPSHOT_KEY]: { v: 99 }, [PAUSED_KEY]: 'x', [SETTINGS_KEY]: null })).toEqual({
      snapshot: null,
      pausedSites: [],
      blurStrength: 'strong',
      words: undefined,
    });
  });

  it('pauses a host and its subdomains only', () => {
    expect(isHostPaused('example.com', ['example.com'])).toBe(true);
    expect(isHostPaused('news.example.com', ['example.com'])).toBe(true);
    expect(isHostPaused('notexample.com', ['example.com'])).toBe(false);
    expect(isHostPaused('example.org', ['example.com'])).toBe(false);
  });
});
