/**
 * What content scripts read at `document_start`, straight from `storage.local`
 * (fast, and there even while the background service worker sleeps). The background
 * writes it after every change to the database, which stays the source of truth.
 */
import { DEFAULT_BLUR_STRENGTH, isBlurStrength, type BlurStrength, type Settings } from './settings';
import { isTermSnapshot, type TermSnapshot } from './snapshot';
import type { WordTemplates } from './page-words';

export const SNAPSHOT_KEY = 'plotArmor.snapshot';
export const PAUSED_KEY = 'plotArmor.pausedSites';
export const SETTINGS_KEY = 'plotArmor.settings';
/** What the content script writes into pages, in the browser's language (`wordTemplates`). */
export const WORDS_KEY = 'plotArmor.words';
export const PAGE_STATE_KEYS = [SNAPSHOT_KEY, PAUSED_KEY, SETTINGS_KEY, WORDS_KEY] as const;

/** The state a page needs, validated. */
export interface PageState {
  snapshot: TermSnapshot | null;
  pausedSites: string[];
  blurStrength: BlurStrength;
  /** The words to write into pages, as stored: read one by one (`storedMessage`), as anything may be there. */
  words: unknown;
}

/** Reads a page state out of untrusted storage contents (anything malformed reads as absent). */
export function readPageState(items: Record<string, unknown>): PageState {
  const snapshot = items[SNAPSHOT_KEY];
  const paused = items[PAUSED_KEY];
  const settings = items[SETTINGS_KEY] as Partial<Settings> | undefined;
  return {
    snapshot: isTermSnapshot(snapshot) ? snapshot : null,
    pausedSites: Array.isArray(paused) ? paused.filter((h): h is string => typeof h === 'string') : [],
    blurStrength: isBlurStrength(settings?.blurStrength) ? settings.blurStrength : DEFAULT_BLUR_STRENGTH,
    words: items[WORDS_KEY],
  };
}

/** The items to write for a page state. */
export function pageStateItems(
  snapshot: TermSnapshot,
  pausedSites: string[],
  settings: Settings,
  words?: WordTemplates,
): Record<string, unknown> {
  return { [SNAPSHOT_KEY]: snapshot, [PAUSED_KEY]: pausedSites, [SETTINGS_KEY]: settings, ...(words && { [WORDS_KEY]: words }) };
}

/** Whether `host` is paused: the host itself or a parent domain the user paused. */
export function isHostPaused(host: string, pausedSites: readonly string[]): boolean {
  const h = host.toLowerCase();
  return pausedSites.some((site) => h === site || h.endsWith(`.${site}`));
}

/** The outcome of the background's last publish of the page state (see `lib/db/publish-report.ts`). */
export interface PublishReport {
  /** Titles of active lists the pages' copy leaves out (they did not fit the room storage gave it). */
  leftOut: string[];
  /** When the pages' copy was last written (epoch ms), or null if never. */
  publishedAt: number | null;
  /** Whether storage refused the latest copy: pages still read the one written at `publishedAt`. */
  stale: boolean;
}

/** Before any publish: nothing left out, nothing stale. */
export const NO_REPORT: PublishReport = { leftOut: [], publishedAt: null, stale: false };
