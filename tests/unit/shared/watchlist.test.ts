import { describe, expect, it } from 'vitest';
import { isActive } from '../../../lib/shared/watchlist';

describe('isActive', () => {
  it('is false for a disabled watchlist', () => {
    expect(isActive({ enabled: false, hideUntil: null }, 0)).toBe(false);
  });
  it('is true for an enabled watchlist without end date', () => {
    expect(isActive({ enabled: true, hideUntil: null }, 123)).toBe(true);
  });
  it('stops at the hide-until date', () => {
    expect(isActive({ enabled: true, hideUntil: 1000 }, 999)).toBe(true);
    expect(isActive({ enabled: true, hideUntil: 1000 }, 1000)).toBe(false);
  });
});
