/**
 * Every UI string goes through `browser.i18n` (public/_locales/<lang>/messages.json),
 * so the extension can be translated without touching components.
 */
import { browser } from 'wxt/browser';

/** A key of the English catalogue; type-only import, so no JSON is bundled. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** The translated string for `key`; the key itself when the catalogue lacks it (visible, never blank). */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  // WXT types getMessage from the catalogue it saw at `wxt prepare`; MessageKey is checked above.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  return getMessage(key, subs) || key;
}
