/**
 * The user's settings as every context sees them: the background stores them, the
 * options page edits them, content scripts read the blur strength from the page state.
 */

/** How strongly hidden blocks are blurred, weakest first (the order the options page lists them). */
export const BLUR_STRENGTHS = ['light', 'strong'] as const;

export type BlurStrength = (typeof BLUR_STRENGTHS)[number];

/** User settings; each field is stored under its own key in the `settings` store. */
export interface Settings {
  /** How strongly hidden blocks are blurred. */
  blurStrength: BlurStrength;
  /** Whether the toolbar badge shows how many blocks a page hides. */
  showBadge: boolean;
  /** Whether watchlists sync through the browser's account (`storage.sync`). */
  syncWatchlists: boolean;
}

/** The blur of a fresh install, and of a page whose stored settings are missing or corrupt. */
export const DEFAULT_BLUR_STRENGTH: BlurStrength = 'strong';

/** The settings of a fresh install; also what replaces a missing or corrupt stored value. */
// Pure: a content script that imports this module for its blur strength drops it.
export const DEFAULT_SETTINGS: Readonly<Settings> = /* @__PURE__ */ Object.freeze({
  blurStrength: DEFAULT_BLUR_STRENGTH,
  showBadge: true,
  syncWatchlists: true,
});

/** Whether an untrusted value is one of the blur strengths. */
export function isBlurStrength(value: unknown): value is BlurStrength {
  return (BLUR_STRENGTHS as readonly unknown[]).includes(value);
}
