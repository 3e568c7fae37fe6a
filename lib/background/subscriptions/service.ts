/**
 * Subscriptions in the background: subscribing on the user's click, updating a file
 * about daily (an hourly alarm finds the files that are due), and updating on request.
 * A file is validated exactly as an import is; one that cannot be fetched or read
 * changes nothing but the note of what went wrong, so the lists keep their last terms.
 */
import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../../db/schema';
import { applySubscription, listSubscribedFiles, noteSubscriptionProblem, type SubscriptionResult } from '../../db/subscriptions';
import { parseWatchlistFile } from '../../format/watchlist-file';
import { problem, ProblemError, type Problem } from '../../shared/problem';
import { checkSubscriptionUrl } from '../../shared/subscription-url';
import { fetchWatchlistText, type FetchFile, type FetchLimits } from './fetch-file';

/** A file is fetched again this long after its last update. */
export const REFRESH_EVERY_MS = 24 * 60 * 60_000;
/** After a failed attempt, the next one waits this long. */
export const RETRY_AFTER_MS = 3 * 60 * 60_000;

export interface SubscriptionDeps {
  db: () => Promise<IDBPDatabase<PlotArmorDB>>;
  fetch: FetchFile;
  /** Runs a database write and publishes the page state after it (the publisher). */
  write: <T>(work: () => Promise<T>) => Promise<T>;
  /** Told after each write, e.g. to sync it. */
  written?: () => void;
  /** Whether the browser lets the extension reach `pattern` (e.g. `https://host/*`). */
  mayReach: (pattern: string) => Promise<boolean>;
  now?: () => number;
  limits?: FetchLimits;
}

/** Creates the subscription service. */
export function createSubscriptions(deps: SubscriptionDeps) {
  const now = deps.now ?? Date.now;
  const inFlight = new Map<string, Promise<SubscriptionResult>>();

  async function attempt(url: string): Promise<SubscriptionResult> {
    const checked = checkSubscriptionUrl(url);
    if (!checked.ok) throw new ProblemError(checked.error);
    const { value } = checked;
    const db = await deps.db();
    const fail = async (error: Problem): Promise<never> => {
      // Lists already following the file keep their terms; they show why the update failed.
      const noted = await deps.write(() => noteSubscriptionProblem(db, value.url, error, now()));
      if (noted > 0) deps.written?.();
      throw new ProblemError(error);
    };
    if (!(await deps.mayReach(value.pattern))) {
      return fail(problem('subscription-not-allowed', value.host));
    }
    const fetched = await fetchWatchlistText(deps.fetch, value.url, deps.limits);
    if (!fetched.ok) return fail(fetched.error);
    const parsed = parseWatchlistFile(fetched.text);
    // The import's own problem: the file is read with exactly the import's rules.
    if (!parsed.ok) return fail(parsed.error);
    const result = await deps.write(() => applySubscription(db, value.url, parsed.watchlists, now()));
    deps.written?.();
    return result;
  }

  /** Fetches the file at `url` and applies it, once at a time per address; rejects with a `ProblemError`. */
  function update(url: string): Promise<SubscriptionResult> {
    const running = inFlight.get(url);
    if (running) return running;
    const next = attempt(url).finally(() => inFlight.delete(url));
    inFlight.set(url, next);
    return next;
  }

  return {
    /** Subscribes to the file at `url` (also: updates it now, when already subscribed). */
    subscribe: update,
    update,
    /** Updates every file that is due: a day after its last attempt, or 3 hours after a failed one. */
    async updateDue(): Promise<void> {
      const at = now();
      for (const file of await listSubscribedFiles(await deps.db())) {
        const wait = file.problem === null ? REFRESH_EVERY_MS : RETRY_AFTER_MS;
        if (at - file.checkedAt >= wait) await update(file.url).catch(() => {});
      }
    },
  };
}

/** The subscription service. */
export type Subscriptions = ReturnType<typeof createSubscriptions>;
