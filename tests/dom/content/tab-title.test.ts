import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTabTitle, type TabTitle } from '../../../lib/content/tab-title';
import { englishWords } from '../../support/catalogue';

const names = (text: string) => /clay jensen/i.test(text);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const NEUTRAL = englishWords.neutralTitle('example.com');
let title: TabTitle;

beforeEach(() => {
  document.head.innerHTML = '<title>Clay Jensen returns — News</title>';
  title = createTabTitle(document, () => NEUTRAL);
});
afterEach(() => title.stop());

describe('the tab title', () => {
  it('is neutral while the title names a term and the page has hidden content', () => {
    title.update(names, true);
    expect(document.title).toBe(NEUTRAL);
    expect(NEUTRAL).not.toMatch(/clay/i);
  });

  it('stays the page own when nothing is hidden, or nothing matches', () => {
    title.update(names, false);
    expect(document.title).toBe('Clay Jensen returns — News');
    title.update(() => false, true);
    expect(document.title).toBe('Clay Jensen returns — News');
    title.update(null, true);
    expect(document.title).toBe('Clay Jensen returns — News');
  });

  it('comes back when everything is revealed (no hidden content left) or the lists stop matching', () => {
    title.update(names, true);
    title.update(names, false);
    expect(document.title).toBe('Clay Jensen returns — News');
    title.update(names, true);
    title.update(null, true);
    expect(document.title).toBe('Clay Jensen returns — News');
  });

  it('follows the page own later titles, as a single-page app sets them', async () => {
    title.update(names, true);
    document.title = 'Weather today';
    await tick();
    expect(document.title).toBe('Weather today');
    document.title = 'Clay Jensen interview';
    await tick();
    expect(document.title).toBe(NEUTRAL);
    // A new <title> element replacing the old one.
    document.head.innerHTML = '<title>Sports</title>';
    await tick();
    expect(document.title).toBe('Sports');
    title.stop();
    expect(document.title).toBe('Sports');
  });

  it('takes a title the page set just before an update as its own', () => {
    title.update(names, true);
    document.title = 'Clay Jensen, part two';
    title.update(names, false);
    expect(document.title).toBe('Clay Jensen, part two');
  });

  it('puts the page own title back when stopped', () => {
    title.update(names, true);
    title.stop();
    expect(document.title).toBe('Clay Jensen returns — News');
  });

  it('observes nothing while the page hides nothing, and follows the page title from its first hidden block', async () => {
    title.stop();
    const created: MutationObserver[] = [];
    const Plain = window.MutationObserver;
    window.MutationObserver = class extends Plain {
      constructor(callback: MutationCallback) {
        super(callback);
        created.push(this);
      }
    };
    try {
      title = createTabTitle(document, () => NEUTRAL);
      title.update(names, false);
      document.title = 'Clay Jensen interview';
      await tick();
      expect(created).toHaveLength(0);
      expect(document.title).toBe('Clay Jensen interview');
      title.update(names, true);
      expect(created).toHaveLength(1);
      expect(document.title).toBe(NEUTRAL);
      document.title = 'Weather today';
      await tick();
      expect(document.title).toBe('Weather today');
    } finally {
      window.MutationObserver = Plain;
    }
  });
});
