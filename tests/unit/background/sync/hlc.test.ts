import { describe, expect, it } from 'vitest';
import { isStamp, newClock, observe, tick, wallOf } from '../../../../lib/background/sync/hlc';

describe('hybrid logical clock', () => {
  it('orders stamps by wall time, then by a counter within one millisecond', () => {
    let clock = newClock(Math.random, 'aaaaaa');
    const a = tick(clock, 1000);
    const b = tick(a.clock, 1000);
    const c = tick(b.clock, 2000);
    expect(a.stamp < b.stamp && b.stamp < c.stamp).toBe(true);
    expect(wallOf(c.stamp)).toBe(2000);
    expect([a.stamp, b.stamp, c.stamp].every(isStamp)).toBe(true);
    clock = c.clock;
    // The wall clock going backwards does not take stamps with it.
    expect(tick(clock, 10).stamp > c.stamp).toBe(true);
  });

  it('stamps after seeing another device are later than what was seen, whatever the own clock says', () => {
    const behind = newClock(Math.random, 'bbbbbb');
    const ahead = tick(newClock(Math.random, 'cccccc'), 1_800_000_000_000).stamp;
    const after = tick(observe(behind, ahead), 1_700_000_000_000).stamp;
    expect(after > ahead).toBe(true);
    const seen = observe(behind, after);
    expect(observe(seen, ahead)).toBe(seen);
  });

  it('rejects malformed stamps', () => {
    expect(isStamp('0loyw3vu00000node0')).toBe(false);
    expect(isStamp('0loyw3vu00000NODE00')).toBe(false);
    expect(isStamp(42)).toBe(false);
  });
});
