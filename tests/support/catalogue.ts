/**
 * The extension's real message files, read the way the browser reads them, for tests
 * that stand in for `browser.i18n.getMessage`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pageWords } from '../../lib/scan/words';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const catalogues = new Map<string, Catalogue>();
const catalogue = (locale: string): Catalogue => {
  let found = catalogues.get(locale);
  if (!found) {
    found = JSON.parse(readFileSync(resolve(`public/_locales/${locale}/messages.json`), 'utf8')) as Catalogue;
    catalogues.set(locale, found);
  }
  return found;
};

/** `getMessage` over `locale`'s catalogue, with Chrome's substitution rules: $NAME$ → its placeholder's content, then $1…$9 → substitutions. */
export function messagesOf(locale: string) {
  return (key: string, substitutions?: string | string[]): string => {
    const entry = catalogue(locale)[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
    return named.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
  };
}

/** The content script's words in English, as the browser gives them. */
export const englishWords = pageWords(messagesOf('en'));
