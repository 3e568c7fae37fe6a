/**
 * Block choice on saved pages (tests/fixtures/pages), with the real matcher and the demo
 * watchlist: exactly the elements marked `data-expect="hidden"` are hidden, and exactly
 * the text listed in HIDDEN_TEXT is hidden as text (it has no element of its own).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { parseWatchlistFile } from '../../../lib/format/watchlist-file';
import { createScanner } from '../../../lib/scan/scanner';
import { installFakeHighlights } from './fake-highlights';
import demoText from '../../fixtures/demo-watchlists.json?raw';
import article from '../../fixtures/pages/article.html?raw';
import feed from '../../fixtures/pages/feed.html?raw';
import forum from '../../fixtures/pages/forum.html?raw';
import list from '../../fixtures/pages/list.html?raw';
import shadow from '../../fixtures/pages/shadow.html?raw';
import table from '../../fixtures/pages/table.html?raw';
import videoGrid from '../../fixtures/pages/video-grid.html?raw';
import timeline from '../../fixtures/pages/timeline.html?raw';
import aggregator from '../../fixtures/pages/aggregator.html?raw';
import newsIndex from '../../fixtures/pages/news-index.html?raw';
import articleFigures from '../../fixtures/pages/article-figures.html?raw';
import { englishWords } from '../../support/catalogue';

const PAGES: Record<string, string> = {
  'article.html': article,
  'feed.html': feed,
  'forum.html': forum,
  'table.html': table,
  'list.html': list,
  'shadow.html': shadow,
  'video-grid.html': videoGrid,
  'timeline.html': timeline,
  'aggregator.html': aggregator,
  'news-index.html': newsIndex,
  'article-figures.html': articleFigures,
};

const parsed = parseWatchlistFile(demoText);
if (!parsed.ok) throw new Error(parsed.error.code);
const matcher = compileMatcher(parsed.watchlists.map((list, i) => ({ ...list, id: `list-${i}` })));

/** Text hidden as text on each page (through the highlight), in document order. */
const HIDDEN_TEXT: Record<string, string[]> = {
  'forum.html': ["Yes. Alex's story is the best part of the season."],
};

let controller = new AbortController();
let highlights: ReturnType<typeof installFakeHighlights>;
beforeEach(() => {
  highlights = installFakeHighlights();
});
afterEach(() => {
  controller.abort();
  controller = new AbortController();
  highlights.uninstall();
});

/** Loads a saved page into the test document; `beforeScan` runs first (e.g. to attach shadow roots). */
function load(name: string, beforeScan?: () => void): void {
  document.documentElement.innerHTML = new DOMParser().parseFromString(PAGES[name]!, 'text/html').documentElement.innerHTML;
  beforeScan?.();
  const scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
  scanner.setMatcher(matcher);
}

/** The id (or tag) of every element in `root` and its open shadow roots with the given attribute value. */
function ids(root: ParentNode, attribute: string, value: string): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.getAttribute(attribute) === value) found.push(el.id || el.tagName.toLowerCase());
    if (el.shadowRoot) found.push(...ids(el.shadowRoot, attribute, value).map((id) => `${el.id}>${id}`));
  }
  return found.sort();
}

const hidden = () => ids(document, 'data-plot-armor', 'hidden');
const expected = () => ids(document, 'data-expect', 'hidden');

describe.each(Object.keys(PAGES).filter((name) => name !== 'shadow.html'))('%s', (name) => {
  it('hides exactly the blocks that name the show', () => {
    load(name);
    expect(expected().length).toBeGreaterThan(0);
    expect(hidden()).toEqual(expected());
    expect(highlights.texts()).toEqual(HIDDEN_TEXT[name] ?? []);
    expect(document.body.hasAttribute('data-plot-armor')).toBe(false);
  });
});

describe('shadow.html', () => {
  it('hides text inside open shadow roots and in slotted light DOM, and nothing around it', () => {
    load('shadow.html', () => {
      const template = document.querySelector<HTMLTemplateElement>('#review-card')!;
      for (const card of document.querySelectorAll<HTMLElement>('review-card')) {
        const root = card.attachShadow({ mode: 'open' });
        root.append(template.content.cloneNode(true));
        root.querySelector('.text')!.textContent = card.dataset.text!;
      }
    });
    expect(hidden()).toEqual(['review-1>review-text', 'teaser-1-text']);
  });
});
