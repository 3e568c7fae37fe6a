/**
 * Keeps writes to `storage.sync` under its write-rate quotas (per minute and per
 * hour), with room to spare: `nextSlot` says when `ops` more writes may go out.
 * Writes refused by the browser anyway are retried later by the caller; this only
 * avoids asking for refusals.
 */

export interface RateLimits {
  /** MAX_WRITE_OPERATIONS_PER_MINUTE */
  perMinute: number;
  /** MAX_WRITE_OPERATIONS_PER_HOUR */
  perHour: number;
}

export const SYNC_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({ perMinute: 120, perHour: 1800 });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A log of write times with the question "when may `ops` more go out?". */
export function createWriteBudget(limits: RateLimits = SYNC_RATE_LIMITS) {
  // Use at most half of each quota: other writers (another window of this profile
  // after an update, the browser's own retries) share it.
  const perMinute = Math.max(1, Math.floor(limits.perMinute / 2));
  const perHour = Math.max(1, Math.floor(limits.perHour / 2));
  const log: number[] = [];
  return {
    /** Records `ops` writes at `now`. */
    spend(now: number, ops: number): void {
      for (let i = 0; i < ops; i++) log.push(now);
      while (log.length > 0 && log[0]! <= now - HOUR) log.shift();
    },
    /** The earliest time (≥ now) at which `ops` more writes stay within both windows. */
    nextSlot(now: number, ops: number): number {
      const inWindow = (span: number) => log.filter((t) => t > now - span);
      let at = now;
      for (const [span, limit] of [[MINUTE, perMinute], [HOUR, perHour]] as const) {
        const recent = inWindow(span);
        const over = recent.length + ops - limit;
        // The write that must first leave the window before `ops` more fit.
        if (over > 0) at = Math.max(at, recent[over - 1]! + span + 1);
      }
      return at;
    },
  };
}

export type WriteBudget = ReturnType<typeof createWriteBudget>;
