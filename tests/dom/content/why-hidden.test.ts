import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishWords } from '../../support/catalogue';
import { createTabMessageListener } from '../../../lib/content/tab-messages';
import { compileMatcher } from '../../../lib/match/compile';
import { createScanner } from '../../../lib/scan/scanner';

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
});

describe('why a revealed block was hidden', () => {
  it('is told only over the extension’s messaging, and only after a reveal', () => {
    document.body.innerHTML = '<p id="a">Clay returns in S03E02.</p><p id="b">Nothing here.</p>';
    const scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
    const list = {
      id: 'x', title: '13 Reasons Why', enabled: true, matchNameParts: true, characters: ['Clay Jensen'], cast: [], keywords: [],
      boundary: { season: 2, episode: 5, counts: [], titles: [], plainTitles: [] },
    };
    scanner.setMatcher(compileMatcher([list]));
    const listen = createTabMessageListener(scanner);
    const ask = () => {
      const respond = vi.fn();
      listen({ type: 'tab/why', data: {} }, {}, respond);
      return respond;
    };
    // Nothing revealed: this frame stays silent, so a frame that has an answer gives it.
    expect(ask()).not.toHaveBeenCalled();
    const block = document.getElementById('a')!;
    expect(block.getAttribute('data-plot-armor')).toBe('hidden');
    scanner.reveal(block);
    expect(ask()).toHaveBeenCalledWith({ ok: true, data: [{ listId: 'x', title: '13 Reasons Why', term: 'Clay', past: 'S03E02' }] });
    // The term that hid it is written nowhere the page can read.
    expect([...block.attributes].filter((a) => a.value.includes('Clay'))).toEqual([]);
  });
});
