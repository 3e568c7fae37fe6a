import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, tCount, uiLanguage } from '../../../lib/ui/i18n';
import { messagesOf } from '../../support/catalogue';

const speak = (locale: string) => {
  fakeBrowser.i18n.getMessage = messagesOf(locale) as typeof fakeBrowser.i18n.getMessage;
};
const added = (count: number) => tCount('add_show_added', count, ['Dark', count]);

describe('counted messages', () => {
  it('take the singular for one name in English, and the plural for none or many', () => {
    speak('en');
    expect(added(1)).toBe('Added “Dark” with 1 name. Add another show, or press Done.');
    expect(added(0)).toBe('Added “Dark” with 0 names. Add another show, or press Done.');
    expect(added(12)).toBe('Added “Dark” with 12 names. Add another show, or press Done.');
  });

  it.each([
    ['es', 'es', ['1 nombre.', '0 nombres.', '2 nombres.']],
    ['fr', 'fr', ['1 nom.', '0 nom.', '2 noms.']],
    ['pt_BR', 'pt-BR', ['1 nome.', '0 nome.', '2 nomes.']],
    ['de', 'de', ['1 Namen', '0 Namen', '2 Namen']],
    ['ja', 'ja', ['1 件', '0 件', '2 件']],
  ])("follow the plural rules of the message file's language (%s)", (locale, tag, [one, zero, two]) => {
    speak(locale);
    expect(uiLanguage()).toBe(tag);
    expect(added(1)).toContain(one);
    expect(added(0)).toContain(zero);
    expect(added(2)).toContain(two);
  });
});

describe("the message file's language", () => {
  it('is English when getMessage has no catalogue behind it, and the words are the English ones', () => {
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    expect(uiLanguage()).toBe('en');
    expect(tCount('add_show_added', 1, ['Dark', 1])).toBe('Added “Dark” with 1 name. Add another show, or press Done.');
    expect(t('site_hidden_count', 3)).toBe('Hidden on this page: 3');
  });
});
