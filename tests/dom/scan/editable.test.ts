import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScanner } from '../../../lib/scan/scanner';
import { fakeMatcher } from './fake-matcher';
import { englishWords } from '../../support/catalogue';

// jsdom has no designMode: the tests give the document one, as a browser has.
let designMode = 'off';
let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  designMode = 'off';
  Object.defineProperty(document, 'designMode', { configurable: true, get: () => designMode, set: (v: string) => void (designMode = v) });
});
afterEach(() => {
  controller.abort();
  delete (document as unknown as Record<string, unknown>).designMode;
  document.body.innerHTML = '';
});

const written = () => document.querySelectorAll('[data-plot-armor], [aria-hidden], [title], [tabindex], plot-armor-reveal').length;

describe('a document the page made an editor (designMode)', () => {
  it('is never written into', () => {
    designMode = 'on';
    document.body.innerHTML = '<p>the tapes <a href="/x">link</a></p>';
    createScanner({ words: englishWords, doc: document, signal: controller.signal }).setMatcher(fakeMatcher({ Show: ['tapes'] }));
    expect(written()).toBe(0);
  });

  it('gets back what was written before it became one, at the first change the user makes', async () => {
    document.body.innerHTML = '<p>the tapes <a href="/x">link</a></p>';
    const scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
    scanner.setMatcher(fakeMatcher({ Show: ['tapes'] }));
    expect(written()).toBeGreaterThan(0);
    designMode = 'on';
    document.body.append('typed: the tapes');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(written()).toBe(0);
    expect(scanner.hiddenCount()).toBe(0);
  });
});
