/**
 * Hidden-block counts per tab, summed over its frames, shown on the toolbar badge.
 * Kept in `storage.session` too, so the count survives the service worker sleeping.
 */
export interface TabCounts {
  /** Records a frame's count and updates the badge. */
  set(tabId: number, frameId: number, hidden: number): Promise<void>;
  /** The tab's total. */
  total(tabId: number): Promise<number>;
  /** Forgets a tab (closed, or navigated: its frames report again). */
  forget(tabId: number): Promise<void>;
  /** Shows or hides the numbers on the badge. */
  setBadgeEnabled(enabled: boolean): Promise<void>;
}

export interface TabCountsDeps {
  setBadgeText(tabId: number, text: string): Promise<void>;
  /** A key-value area that outlives the worker (e.g. `storage.session`), or null. */
  area: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(key: string): Promise<void>;
  } | null;
}

type Frames = Record<string, number>;

/** Creates the per-tab counter. */
export function createTabCounts(deps: TabCountsDeps): TabCounts {
  const memory = new Map<number, Frames>();
  let badgeEnabled = true;
  const key = (tabId: number) => `tabCount.${tabId}`;

  const load = async (tabId: number): Promise<Frames> => {
    const cached = memory.get(tabId);
    if (cached) return cached;
    const stored = deps.area ? (await deps.area.get(key(tabId)))[key(tabId)] : undefined;
    const frames: Frames = stored && typeof stored === 'object' ? { ...(stored as Frames) } : {};
    memory.set(tabId, frames);
    return frames;
  };
  const sum = (frames: Frames) => Object.values(frames).reduce((a, b) => a + b, 0);
  const paint = async (tabId: number, total: number) => {
    await deps.setBadgeText(tabId, badgeEnabled && total > 0 ? String(total) : '').catch(() => {});
  };

  return {
    async set(tabId, frameId, hidden) {
      const frames = await load(tabId);
      frames[String(frameId)] = hidden;
      await deps.area?.set({ [key(tabId)]: frames });
      await paint(tabId, sum(frames));
    },
    async total(tabId) {
      return sum(await load(tabId));
    },
    async forget(tabId) {
      memory.delete(tabId);
      await deps.area?.remove(key(tabId));
      await paint(tabId, 0);
    },
    async setBadgeEnabled(enabled) {
      badgeEnabled = enabled;
      for (const [tabId, frames] of memory) await paint(tabId, sum(frames));
    },
  };
}
