/**
 * The words the content script writes into a page — the reveal control's name, the hover
 * hint on hidden blocks, the tab's neutral title — in the browser's
 * language, from the extension's message files. Content scripts have
 * `browser.i18n.getMessage` (`chrome.i18n.getMessage` in Chromium) without the polyfill;
 * it is handed in, so the scanner and its tests take any catalogue.
 */

/** A key of the English catalogue; type-only, so no JSON is bundled. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** `i18n.getMessage`: the message for `key` in the browser's language ('' when there is none). */
export type GetMessage = (key: MessageKey, substitutions?: string[]) => string;

/** What the content script says on a page. */
export interface PageWords {
  /** The accessible name of a hidden block's reveal control; `titles` are the shows it is about. */
  revealLabel(titles: string): string;
  /** The hover hint on a hidden block: the same for every show, since the page can read it. */
  readonly hiddenHint: string;
  /** The tab's title while the page's own would spoil. */
  neutralTitle(host: string): string;
}

/**
 * The page's words from `getMessage`; a key missing from the catalogue shows as itself,
 * never blank. Each is asked for when first written, so a frame that hides nothing never
 * reads the catalogue.
 */
export function pageWords(getMessage: GetMessage): PageWords {
  const say = (key: MessageKey, substitution?: string): string =>
    getMessage(key, substitution === undefined ? undefined : [substitution]) || key;
  return {
    revealLabel: (titles) => say('page_reveal_label', titles),
    get hiddenHint() {
      return say('page_hidden_hint');
    },
    neutralTitle: (host) => say('page_tab_title', host),
  };
}
