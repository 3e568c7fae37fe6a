/**
 * Every UI string goes through `browser.i18n` (public/_locales/<lang>/messages.json),
 * so the extension can be translated without touching components.
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';

/** A key of the English catalogue. */
export type MessageKey = keyof typeof english;

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** An English message with the browser's substitution rules: $NAME$ → its placeholder's content, then $1…$9. */
function inEnglish(key: string, subs: readonly string[]): string | undefined {
  const entry = (english as Record<string, Entry>)[key];
  if (!entry) return undefined;
  const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
}

/**
 * The translated string for `key`. Chromium's `getMessage` has been seen answering ""
 * for keys its catalogue has, in pages opened while the machine was busy: the page then
 * speaks English rather than showing message keys. The key itself only when no
 * catalogue has it (visible, never blank).
 */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  // WXT types getMessage from the catalogue it saw at `wxt prepare`; MessageKey is checked above.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  return getMessage(key, subs) || inEnglish(key, subs ?? []) || key;
}

/** The language of the message file in use (BCP 47): the browser's, or English when it has no file of its own. */
export function uiLanguage(): string {
  try {
    return Intl.getCanonicalLocales(t('ui_language'))[0] ?? 'en';
  } catch {
    // No catalogue behind `getMessage` (a test's bare fake): the key itself is no language tag.
    return 'en';
  }
}

/** A message that comes in plural forms: `<key>_one` and `<key>_other`. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * The form of `key` that fits `count` by the plural rules of the message file's language
 * (`browser.i18n` has no plurals): `<key>_one` where the language treats `count` as one
 * (English 1; French and Brazilian Portuguese 0 and 1; never in Japanese), else `<key>_other`.
 */
export function tCount(key: CountedKey, count: number, substitutions: (string | number)[]): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count);
  return t(form === 'one' ? `${key}_one` : `${key}_other`, substitutions);
}
