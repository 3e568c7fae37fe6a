import { describe, expect, it, vi } from 'vitest';
import { createTabCounts } from '../../../lib/background/tab-counts';

function memoryArea() {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (more: Record<string, unknown>) => void Object.assign(items, more),
    remove: async (key: string) => void delete items[key],
  };
}

describe('tab counts', () => {
  it('sums frames per tab and shows the total on the badge', async () => {
    const badge = vi.fn(async () => {});
    const counts = createTabCounts({ setBadgeText: badge, area: null });
    await counts.set(1, 0, 3);
    await counts.set(1, 7, 2);
    await counts.set(2, 0, 0);
    expect(await counts.total(1)).toBe(5);
    expect(badge).toHaveBeenCalledWith(1, '5');
    expect(badge).toHaveBeenLastCalledWith(2, '');
  });

  it('starts again from zero when a tab loads a new page', async () => {
    const badge = vi.fn(async () => {});
    const counts = createTabCounts({ setBadgeText: badge, area: null });
    await counts.set(1, 4, 9);
    await counts.forget(1);
    expect(badge).toHaveBeenLastCalledWith(1, '');
    await counts.set(1, 0, 2);
    expect(await counts.total(1)).toBe(2);
  });

  it('keeps counts across a service-worker restart through the session area', async () => {
    const area = memoryArea();
    await createTabCounts({ setBadgeText: async () => {}, area }).set(3, 0, 4);
    const restarted = createTabCounts({ setBadgeText: async () => {}, area });
    expect(await restarted.total(3)).toBe(4);
  });

  it('blanks the badge when the user turns it off, and shows it again when turned on', async () => {
    const badge = vi.fn(async () => {});
    const counts = createTabCounts({ setBadgeText: badge, area: null });
    await counts.set(1, 0, 3);
    await counts.setBadgeEnabled(false);
    expect(badge).toHaveBeenLastCalledWith(1, '');
    await counts.setBadgeEnabled(true);
    expect(badge).toHaveBeenLastCalledWith(1, '3');
  });
});
