// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageWords } from '../../../lib/scan/words';
import { messagesOf } from '../../support/catalogue';

describe("the content script's words", () => {
  it('come from the catalogue, with the titles and the host put in', () => {
    const words = pageWords(messagesOf('pt_BR'));
    expect(words.revealLabel('Dark, Lost')).toBe('Possível spoiler de Dark, Lost — revelar');
    expect(words.neutralTitle('exemplo.com.br')).toBe('Possível spoiler · exemplo.com.br');
    expect(words.hiddenHint).toBe('Possível spoiler — clique para revelar');
  });

  it('read the catalogue only when a word is written', () => {
    const asked: string[] = [];
    const words = pageWords((key) => {
      asked.push(key);
      return 'x';
    });
    expect(asked).toEqual([]);
    void words.hiddenHint;
    expect(asked).toEqual(['page_hidden_hint']);
  });

  it('show a key the catalogue lacks as itself, never as a blank', () => {
    const words = pageWords(() => '');
    expect(words.hiddenHint).toBe('page_hidden_hint');
    expect(words.revealLabel('Dark')).toBe('page_reveal_label');
  });
});
