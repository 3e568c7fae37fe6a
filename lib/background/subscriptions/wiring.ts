/**
 * Connects subscriptions to the extension API: the worker's `fetch`, the browser's
 * permissions (the user grants a file's site when subscribing), and an hourly alarm
 * that updates the files that are due.
 */
import type { browser } from 'wxt/browser';
import { createSubscriptions, type SubscriptionDeps, type Subscriptions } from './service';

/** The alarm that looks for subscribed files due for an update. */
export const SUBSCRIPTIONS_ALARM = 'subscriptions';

/** Starts the subscription service. */
export function startSubscriptions(
  api: typeof browser,
  deps: Pick<SubscriptionDeps, 'db' | 'write' | 'written'>,
): Subscriptions {
  const subscriptions = createSubscriptions({
    ...deps,
    fetch: (url, init) => fetch(url, init),
    mayReach: async (pattern) => (api.permissions ? api.permissions.contains({ origins: [pattern] }) : true),
  });
  if (api.alarms) {
    // Created once: creating it again at every start of the worker (which the browser
    // stops when idle) would push its first run back each time.
    void api.alarms
      .get(SUBSCRIPTIONS_ALARM)
      .then((alarm) => {
        if (!alarm) return api.alarms.create(SUBSCRIPTIONS_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
      })
      .catch(() => {});
    api.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SUBSCRIPTIONS_ALARM) void subscriptions.updateDue().catch(() => {});
    });
  }
  return subscriptions;
}
