import { describe, expect, it } from 'vitest';
import { storedMessage, wordTemplates } from '../../../lib/shared/page-words';
import { pageWords } from '../../../lib/scan/words';
import { messagesOf } from '../../support/catalogue';

/** The page's words from stored templates alone, as a content script reads them. */
const fromStored = (templates: unknown) => pageWords((key, substitutions) => storedMessage(templates, key, substitutions?.[0]) ?? '');

describe("the page's words stored with the page state", () => {
  it('say what the catalogue says, in its language, with any substitution', () => {
    for (const locale of ['en', 'fr', 'ja']) {
      const catalogue = messagesOf(locale);
      const stored = fromStored(wordTemplates(catalogue));
      const asked = pageWords(catalogue);
      expect(stored.hiddenHint).toBe(asked.hiddenHint);
      expect(stored.revealLabel('Severance, Dark')).toBe(asked.revealLabel('Severance, Dark'));
      expect(stored.neutralTitle('news.example.com')).toBe(asked.neutralTitle('news.example.com'));
    }
    expect(fromStored(wordTemplates(messagesOf('en'))).neutralTitle('news.example.com')).toBe('Possible spoiler · news.example.com');
  });

  it('take a substitution as it is, whatever characters it holds', () => {
    const templates = wordTemplates(messagesOf('en'));
    expect(storedMessage(templates, 'page_reveal_label', "$& $1 $$ Grey's")).toBe("Possible spoiler for $& $1 $$ Grey's — reveal");
  });

  it('leave a message they do not hold to the catalogue', () => {
    const templates = wordTemplates(messagesOf('en'));
    expect(storedMessage({ ...templates, page_tab_title: undefined }, 'page_tab_title', 'x')).toBeUndefined();
    expect(storedMessage({ ...templates, page_hidden_hint: 3 }, 'page_hidden_hint')).toBeUndefined();
    expect(storedMessage('words', 'page_hidden_hint')).toBeUndefined();
    expect(storedMessage(undefined, 'page_hidden_hint')).toBeUndefined();
    expect(storedMessage(null, 'page_hidden_hint')).toBeUndefined();
  });
});
