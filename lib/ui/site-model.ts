/**
 * The popup's "This site" state: the active tab, how many blocks it hides, whether its
 * site is paused; and the actions on it (reveal all, pause, resume).
 */
import { signal } from '@preact/signals';
import { createTabClient, type BackgroundClient } from '../shared/client';
import type { WhyHidden } from '../shared/messages';
import { isHostPaused } from '../shared/page-state';
import { createAttempt } from './attempt';

/** What the site model needs of the tabs API. */
export interface TabsApi {
  query(q: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** The host a pause applies to, or null for pages the extension does not run on. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Creates the model; call `load()` once when the popup opens. */
export function createSiteModel(client: BackgroundClient, tabs: TabsApi) {
  const tab = createTabClient((id, message) => tabs.sendMessage(id, message));
  const tabId = signal<number | null>(null);
  const host = signal<string | null>(null);
  const hidden = signal(0);
  const paused = signal(false);
  const error = signal<string | null>(null);
  const why = signal<WhyHidden[] | null>(null);
  const attempt = createAttempt(error);
  const setPaused = (sites: string[]) => {
    paused.value = host.value !== null && isHostPaused(host.value, sites);
  };
  return {
    tabId,
    host,
    hidden,
    paused,
    error,
    /** Why the block last revealed on the tab was hidden; null before asking or when none was. */
    why,
    /** Asks the tab's content script (over the extension's messaging, out of the page's reach). */
    askWhy: async () => {
      if (tabId.value === null) return;
      try {
        why.value = await tab.call(tabId.value, 'tab/why', {});
      } catch {
        why.value = null; // no frame had a revealed block (or the page has no content script)
      }
    },
    load: () =>
      attempt(async () => {
        const [tab] = await tabs.query({ active: true, currentWindow: true });
        host.value = hostOf(tab?.url);
        tabId.value = tab?.id ?? null;
        if (tabId.value === null || host.value === null) return;
        const [count, sites] = await Promise.all([
          client.call('tab/count', { tabId: tabId.value }),
          client.call('sites/list', {}),
        ]);
        hidden.value = count;
        setPaused(sites);
      }),
    revealAll: () =>
      attempt(async () => {
        if (tabId.value === null) return;
        await tab.call(tabId.value, 'tab/reveal-all', {});
        hidden.value = 0;
      }),
    pause: () =>
      attempt(async () => {
        if (host.value) setPaused(await client.call('sites/pause', { host: host.value }));
      }),
    resume: () =>
      attempt(async () => {
        if (host.value) setPaused(await client.call('sites/resume', { host: host.value }));
      }),
  };
}

/** The site model. */
export type SiteModel = ReturnType<typeof createSiteModel>;
