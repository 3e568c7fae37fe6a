/**
 * A storage area with a quota, as Chromium's `storage.local` (10 MB without the
 * `unlimitedStorage` permission): it refuses a write that would pass the quota.
 */
import { jsonBytes } from '../../lib/shared/snapshot-budget';

export const CHROMIUM_LOCAL_QUOTA = 10 * 1024 * 1024;

/** The area; `items` is what it holds. */
export function quotaStorage(quota = CHROMIUM_LOCAL_QUOTA) {
  const items: Record<string, unknown> = {};
  const used = (all: Record<string, unknown>) =>
    Object.entries(all).reduce((sum, [key, value]) => sum + key.length + jsonBytes(value), 0);
  return {
    items,
    async set(next: Record<string, unknown>) {
      if (used({ ...items, ...next }) > quota) throw new Error('Resource::kQuotaBytes quota exceeded');
      Object.assign(items, next);
    },
  };
}
