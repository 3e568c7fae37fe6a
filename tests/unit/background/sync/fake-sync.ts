/**
 * A fake `storage.sync` for several simulated devices. Each device's area applies its
 * writes at once (as browsers do) and enforces the real quotas and write-rate limits
 * with the same messages Chrome gives; the "cloud" carries each write to the other
 * devices only when the test says so, item by item, in order or shuffled, and can
 * lose a write altogether.
 */
import { itemBytes, SYNC_QUOTA } from '../../../../lib/background/sync/chunks';
import { SYNC_RATE_LIMITS } from '../../../../lib/background/sync/rate-limit';

type Items = Record<string, unknown>;
interface Write {
  from: FakeSyncArea;
  set: Items;
  remove: string[];
}

export class FakeSyncArea {
  items: Items = {};
  writes: number[] = [];
  listeners: (() => void)[] = [];
  /** When set, the next write resolves but is lost (never stored nor carried). */
  loseNextWrite = false;
  /** Called at the start of every `get` (to make an edit land mid-sync). */
  onGet: (() => Promise<void>) | null = null;

  constructor(
    readonly cloud: FakeCloud,
    readonly now: () => number,
  ) {}

  async get(_keys: null): Promise<Items> {
    if (this.onGet) await this.onGet();
    return structuredClone(this.items);
  }

  private checkRate(): void {
    const at = this.now();
    this.writes = this.writes.filter((t) => t > at - 3_600_000);
    if (this.writes.filter((t) => t > at - 60_000).length >= SYNC_RATE_LIMITS.perMinute) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    if (this.writes.length >= SYNC_RATE_LIMITS.perHour) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    }
    this.writes.push(at);
  }

  async set(items: Items): Promise<void> {
    this.checkRate();
    const next = { ...this.items, ...structuredClone(items) };
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.perItemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    if (Object.keys(next).length > SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    const total = Object.entries(next).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    if (total > SYNC_QUOTA.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (this.loseNextWrite) {
      this.loseNextWrite = false;
      return;
    }
    this.items = next;
    this.cloud.queue.push({ from: this, set: structuredClone(items), remove: [] });
    this.changed();
  }

  async remove(keys: string[]): Promise<void> {
    this.checkRate();
    for (const key of keys) delete this.items[key];
    this.cloud.queue.push({ from: this, set: {}, remove: [...keys] });
    this.changed();
  }

  /** Total bytes stored, as the quota counts them. */
  bytes(): number {
    return Object.entries(this.items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export class FakeCloud {
  queue: Write[] = [];
  areas: FakeSyncArea[] = [];

  area(now: () => number): FakeSyncArea {
    const area = new FakeSyncArea(this, now);
    this.areas.push(area);
    return area;
  }

  /**
   * Carries queued writes to every other device, one item at a time (an onChanged per
   * item, as a real sync service may deliver them); `shuffle` reorders the items of each write.
   */
  deliver(options: { shuffle?: () => number } = {}): void {
    void this.deliverEach(options);
  }

  /** Like `deliver`, awaiting `afterItem` after each item lands. */
  async deliverEach(options: { shuffle?: () => number; afterItem?: () => Promise<void> } = {}): Promise<void> {
    const writes = this.queue.splice(0);
    const steps: { from: FakeSyncArea; key: string; value?: unknown; removed?: true }[] = [];
    for (const write of writes) {
      const mine: typeof steps = [];
      for (const [key, value] of Object.entries(write.set)) mine.push({ from: write.from, key, value });
      for (const key of write.remove) mine.push({ from: write.from, key, removed: true });
      // The items of one write may arrive in any order; writes arrive in the order made.
      if (options.shuffle) {
        const random = options.shuffle;
        for (let i = mine.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [mine[i], mine[j]] = [mine[j]!, mine[i]!];
        }
      }
      steps.push(...mine);
    }
    for (const step of steps) {
      for (const area of this.areas) {
        if (area === step.from) continue;
        if (step.removed) delete area.items[step.key];
        else area.items[step.key] = structuredClone(step.value);
        area.changed();
      }
      if (options.afterItem) await options.afterItem();
    }
  }
}
