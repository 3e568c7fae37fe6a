/**
 * The options page's subscriptions: subscribe to a watchlist file by its address,
 * update one now, stop following one. The browser is asked for the file's site within
 * the user's click (an optional permission), before anything is fetched; the fetching
 * itself is the background's. Messages go to the watchlists model's one notice line.
 */
import { signal } from '@preact/signals';
import type { BackgroundClient } from '../shared/client';
import { checkSubscriptionUrl, manifestGrants } from '../shared/subscription-url';
import { t } from './i18n';
import { problemText } from './problem-text';
import { errorText, type WatchlistsModel } from './watchlists-model';

/** The part of the extension API the model needs (tests pass a fake). */
export interface SubscriptionsApi {
  getManifest(): { permissions?: unknown; host_permissions?: unknown };
  /** `permissions.request`; null where the browser has none. */
  request: ((permissions: { origins: string[] }) => Promise<boolean>) | null;
}

/** Creates the model. */
export function createSubscriptionsModel(client: BackgroundClient, lists: WatchlistsModel, api: SubscriptionsApi) {
  /** The address being fetched, or null. */
  const busy = signal<string | null>(null);
  /** The form's own error (a bad address), shown beside the field. */
  const fieldError = signal<string | null>(null);

  /**
   * Asks for the file's site. Called first thing in the click handler: the browser
   * accepts the request only within the user's gesture.
   */
  function askForSite(text: string): Promise<{ url: string } | { error: string }> {
    const checked = checkSubscriptionUrl(text);
    if (!checked.ok) return Promise.resolve({ error: problemText(checked.error) });
    const { url, host, pattern } = checked.value;
    if (manifestGrants(api.getManifest(), pattern) || !api.request) return Promise.resolve({ url });
    return api.request({ origins: [pattern] }).then(
      (granted) => (granted ? { url } : { error: t('subscribe_not_allowed', host) }),
      () => ({ error: t('subscribe_not_allowed', host) }),
    );
  }

  async function fetchNow(text: string, verb: 'subscriptions/add' | 'subscriptions/update'): Promise<boolean> {
    const asked = askForSite(text);
    busy.value = text;
    try {
      const site = await asked;
      if ('error' in site) {
        if (verb === 'subscriptions/add') fieldError.value = site.error;
        else lists.notice.value = { kind: 'error', text: site.error };
        return false;
      }
      fieldError.value = null;
      const result = await client.call(verb, { url: site.url });
      lists.notice.value = {
        kind: 'status',
        text: t(verb === 'subscriptions/add' ? 'notice_subscribed' : 'notice_subscription_updated', [result.added.length, result.updated.length]),
      };
      return true;
    } catch (error) {
      lists.notice.value = { kind: 'error', text: errorText(error) };
      return false;
    } finally {
      busy.value = null;
      // A failed update is noted on its lists; either way, show what is saved now.
      lists.lists.value = await client.call('watchlists/list', {}).catch(() => lists.lists.value);
    }
  }

  return {
    busy,
    fieldError,
    /** Subscribes to the file at the typed address; true once it is saved. */
    subscribe: (text: string) => fetchNow(text, 'subscriptions/add'),
    /** Fetches a subscribed file again now (asking for its site again if the user took it back). */
    updateNow: (url: string) => fetchNow(url, 'subscriptions/update'),
    /** Stops following the file; the list keeps the file's terms as its own. */
    async unsubscribe(id: string): Promise<void> {
      try {
        const list = await client.call('subscriptions/remove', { id });
        lists.lists.value = await client.call('watchlists/list', {});
        lists.notice.value = { kind: 'status', text: t('notice_unsubscribed', list.title) };
      } catch (error) {
        lists.notice.value = { kind: 'error', text: errorText(error) };
      }
    },
  };
}

/** The subscriptions model. */
export type SubscriptionsModel = ReturnType<typeof createSubscriptionsModel>;
