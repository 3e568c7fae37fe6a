import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenForReveals } from '../../../lib/scan/reveal-events';
import { createScanner, type Scanner } from '../../../lib/scan/scanner';
import { captureClosedRoots, controlButton } from './closed-roots';
import { fakeMatcher } from './fake-matcher';
import { englishWords } from '../../support/catalogue';

let controller: AbortController;
let scanner: Scanner;
let pageClicks: number;
let closed: ReturnType<typeof captureClosedRoots>;

beforeEach(() => {
  controller = new AbortController();
  closed = captureClosedRoots();
  document.body.innerHTML = '<p id="a">Watch the <a id="link" href="#elsewhere">tapes</a> now</p><p id="b">safe <a id="ok" href="#ok">link</a></p>';
  pageClicks = 0;
  document.addEventListener('click', () => pageClicks++, { signal: controller.signal });
  scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
  scanner.setMatcher(fakeMatcher({ Show: ['tapes'] }));
  listenForReveals(window, scanner, controller.signal);
});
afterEach(() => {
  closed.uninstall();
  controller.abort();
  document.body.innerHTML = '';
  location.hash = '';
});

const click = (el: Element, init: MouseEventInit = {}) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ...init }));

describe('reveal events', () => {
  it('reveals on the first click without following the hidden link or telling the page', () => {
    const notCancelled = click(document.querySelector('#link')!);
    expect(notCancelled).toBe(false);
    expect(pageClicks).toBe(0);
    expect(document.querySelector('#a')!.getAttribute('data-plot-armor')).toBe('revealed');
    // Once revealed, the page gets its clicks again.
    click(document.querySelector('#link')!);
    expect(pageClicks).toBe(1);
  });

  it('leaves clicks elsewhere alone', () => {
    expect(click(document.querySelector('#ok')!)).toBe(true);
    expect(pageClicks).toBe(1);
  });

  it("reveals from the block's reveal control (what Enter or Space on it does)", () => {
    const a = document.querySelector<HTMLElement>('#a')!;
    const button = controlButton(closed, a.previousElementSibling!);
    click(button);
    expect(a.getAttribute('data-plot-armor')).toBe('revealed');
    expect(pageClicks).toBe(0);
  });

  it('hides a revealed block again on Alt+click', () => {
    const a = document.querySelector('#a')!;
    click(a);
    click(a, { altKey: true });
    expect(a.getAttribute('data-plot-armor')).toBe('hidden');
  });
});
