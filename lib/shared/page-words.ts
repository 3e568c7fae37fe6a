/**
 * The words a content script writes into pages (the reveal control's name, the hover
 * hint, the tab's neutral title), stored by the background with the page state.
 *
 * A content script's first `i18n.getMessage` in a renderer process waits on a
 * synchronous round trip to the browser for the whole catalogue (5–20 ms measured in
 * Chromium). It comes in the first pass that hides something, while the page is held
 * invisible. The stored templates come with the state the content script reads anyway.
 * The background and the content script both speak the browser's language, which
 * changes only with a browser restart, when the background publishes again.
 */

/** The catalogue's messages a content script writes into pages. */
export const PAGE_MESSAGES = ['page_reveal_label', 'page_hidden_hint', 'page_tab_title'] as const;

export type PageMessage = (typeof PAGE_MESSAGES)[number];

/**
 * Each page message in the browser's language, as the pieces around its substitution
 * (one piece for a message without one).
 */
export type WordTemplates = Record<PageMessage, string[]>;

/** Stands for the substitution while a message is cut: a private-use character no message holds. */
const SLOT = '\uE000';

/** The templates of `getMessage`'s catalogue (`i18n.getMessage`, in the background). */
export function wordTemplates(getMessage: (key: PageMessage, substitutions: string[]) => string): WordTemplates {
  return Object.fromEntries(PAGE_MESSAGES.map((key) => [key, getMessage(key, [SLOT]).split(SLOT)])) as WordTemplates;
}

/**
 * Message `key` from stored templates (as read from storage: anything), with
 * `substitution` between its pieces; undefined when they do not hold it (a state an
 * older version stored), for the content script to ask `getMessage`.
 */
export function storedMessage(templates: unknown, key: string, substitution = ''): string | undefined {
  const pieces = (templates as Record<string, unknown> | null | undefined)?.[key];
  return Array.isArray(pieces) ? pieces.join(substitution) : undefined;
}
