import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScanner } from '../../../lib/scan/scanner';
import { fakeMatcher } from './fake-matcher';
import { englishWords } from '../../support/catalogue';

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  document.body.innerHTML = '';
});

function start(html: string) {
  document.body.innerHTML = html;
  createScanner({ words: englishWords, doc: document, signal: controller.signal }).setMatcher(fakeMatcher({ Show: ['tapes'] }));
}
/** The element each reveal control stands before (past the other controls standing there). */
const controlled = () =>
  [...document.querySelectorAll('plot-armor-reveal')].map((c) => {
    let next = c.nextElementSibling!;
    while (next.tagName === 'PLOT-ARMOR-REVEAL') next = next.nextElementSibling!;
    return next.id || next.tagName;
  });

describe('where the reveal control stands', () => {
  it('right before a hidden block whose parent takes any content', () => {
    start('<div><h2>News</h2><p id="p">the tapes</p></div>');
    expect(controlled()).toEqual(['p']);
  });

  it('never first in a parent (pages set first children apart): before the nearest ancestor that is not first', () => {
    // `.post > p:first-child{padding-top:0}`: a control before the paragraph would take that from it.
    start('<div id="feed"><h2>News</h2> <div id="post"><div class="body">\n <!-- text --> <p id="p">the tapes</p><p>more</p></div></div></div>');
    expect(controlled()).toEqual(['post']);
    expect(document.querySelector('#p')!.matches(':first-child')).toBe(true);
    // Words before the block keep the control right before it.
    start('<div><h2>News</h2><div>Said: <p id="p">the tapes</p></div></div>');
    expect(controlled()).toEqual(['p']);
    // A child of the body is as far as it goes; a cell or list item holds it.
    start('<p id="p">the tapes</p><table><tr><td><p id="q">tapes</p></td></tr></table>');
    expect(controlled()).toEqual(['p', 'q']);
  });

  it('never in a table row or table: before the table, once per hidden cell', () => {
    start('<div><h2>x</h2><table id="t"><tbody><tr><td>x</td><td id="c1">tapes</td><td id="c2">tapes</td></tr></tbody></table></div>');
    expect(controlled()).toEqual(['t', 't']);
    expect(document.querySelector('tr')!.children).toHaveLength(3);
  });

  it('never in a list or a description list: before the list', () => {
    start('<ul id="u"><li>one</li><li>tapes</li></ul><ol id="o"><li>tapes</li></ol><dl id="d"><dt>x</dt><dd>tapes</dd></dl>');
    expect(controlled()).toEqual(['u', 'o', 'd']);
    expect([...document.querySelectorAll('ul > *, ol > *')].every((el) => el.tagName === 'LI')).toBe(true);
  });

  it('never inside a link or a button: before it', () => {
    start('<p>See <a id="a" href="/x"><img alt="the tapes"></a> now</p>');
    expect(controlled()).toEqual(['a']);
  });

  it('inside a cell that holds the hidden paragraph (a cell takes any content)', () => {
    start('<table><tr><td><p id="p">tapes</p><p>other</p></td></tr></table>');
    expect(controlled()).toEqual(['p']);
  });

  it('keeps each control in place across passes (no moves, no mutations)', async () => {
    start('<table id="t"><tr><td>tapes</td><td>tapes</td></tr></table><p id="x">more</p>');
    const before = [...document.querySelectorAll('plot-armor-reveal')];
    document.querySelector('#x')!.textContent = 'the tapes';
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = [...document.querySelectorAll('plot-armor-reveal')];
    expect(after.slice(0, 2)).toEqual(before);
    expect(controlled()).toEqual(['t', 't', 'x']);
  });

  it('reads the controls already before a shared anchor once per pass, not once per control', async () => {
    // A feed of short items, each hidden whole: every control stands before the list.
    const items = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => `<li class="card"><a href="/${from + i}">Story ${from + i}: the tapes</a></li>`).join('');
    const reads = { count: 0 };
    const getter = Object.getOwnPropertyDescriptor(Node.prototype, 'previousSibling')!.get!;
    Object.defineProperty(Node.prototype, 'previousSibling', {
      configurable: true,
      get(this: Node) {
        reads.count++;
        return getter.call(this);
      },
    });
    try {
      start(`<h2>Feed</h2><ul id="feed">${items(0, 600)}</ul>`);
      // Without the per-pass reading, each new control walked those before it: ~360,000 reads.
      expect(reads.count).toBeLessThan(20 * 600);
      expect(controlled()).toEqual(Array.from({ length: 600 }, () => 'feed'));
      // A later pass adds its controls to the same run; those placed before stay where they are.
      const before = [...document.querySelectorAll('plot-armor-reveal')];
      reads.count = 0;
      document.querySelector('#feed')!.insertAdjacentHTML('beforeend', items(600, 300));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(reads.count).toBeLessThan(20 * 900);
      const after = [...document.querySelectorAll('plot-armor-reveal')];
      expect(after).toHaveLength(900);
      expect(after.slice(0, 600)).toEqual(before);
      expect(controlled()).toEqual(Array.from({ length: 900 }, () => 'feed'));
    } finally {
      Object.defineProperty(Node.prototype, 'previousSibling', { configurable: true, get: getter });
    }
  });
});
