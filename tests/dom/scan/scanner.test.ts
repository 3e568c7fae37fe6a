import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEXT_IN_CONTAINER_LIMIT } from '../../../lib/scan/collect';
import { createScanner, type Scanner } from '../../../lib/scan/scanner';
import { installFakeHighlights } from './fake-highlights';
import { captureClosedRoots, controlButton } from './closed-roots';
import { fakeMatcher } from './fake-matcher';
import { englishWords, messagesOf } from '../../support/catalogue';
import { pageWords } from '../../../lib/scan/words';

let controller: AbortController;
let scanner: Scanner;
let closed: ReturnType<typeof captureClosedRoots>;

const state = (selector: string) => document.querySelector(selector)?.getAttribute('data-plot-armor') ?? null;
const nextMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(html: string, terms: Record<string, string[]> = { Show: ['Hannah Baker', 'tapes'] }) {
  document.body.innerHTML = html;
  scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
  scanner.setMatcher(fakeMatcher(terms));
}

beforeEach(() => {
  controller = new AbortController();
  closed = captureClosedRoots();
});
afterEach(() => {
  closed.uninstall();
  controller.abort();
  document.body.innerHTML = '';
});

describe('which block is hidden', () => {
  it('hides the paragraph holding the match, not its neighbours', () => {
    start('<section><p id="a">Hannah Baker is back</p><p id="b">The writers room opened</p></section>');
    expect(state('#a')).toBe('hidden');
    expect(state('#b')).toBeNull();
    expect(state('section')).toBeNull();
  });

  it('reads text split across inline elements as one', () => {
    start('<p id="a">Hannah <b>Baker</b> returns</p>');
    expect(state('#a')).toBe('hidden');
    expect(state('b')).toBeNull();
  });

  it('hides the text container of a card, never body', () => {
    start('<div class="card"><div id="t">Where are the tapes now?</div></div>Hannah Baker');
    expect(state('#t')).toBe('hidden');
    expect(document.body.hasAttribute('data-plot-armor')).toBe(false);
    expect(state('.card')).toBeNull();
  });

  it('reads the text of a card split between its own text and inline elements, and text in an inline element between blocks', () => {
    start('<main><div class="card"><div id="t">Hannah <i>Baker</i> <br>returns</div></div><span id="s">The <b>tapes</b></span><p>x</p> tapes </main>');
    expect(state('#t')).toBe('hidden');
    expect(state('#s')).toBe('hidden');
    expect(state('main')).toBeNull();
  });

  it('hides list items and table cells on their own', () => {
    start('<ul><li id="l1">tapes</li><li id="l2">other</li></ul><table><tr><td id="c1">x</td><td id="c2">Hannah Baker</td></tr></table>');
    expect([state('#l1'), state('#l2'), state('#c1'), state('#c2')]).toEqual(['hidden', null, null, 'hidden']);
  });

  it('hides images by alt text and links by aria-label', () => {
    start('<div><img id="i" alt="Hannah Baker on set"><a id="a" href="#" aria-label="Watch: the tapes">▶</a><p>safe</p></div>');
    expect(state('#i')).toBe('hidden');
    expect(state('#a')).toBe('hidden');
  });

  it('never reads scripts, form fields or editable regions', () => {
    start('<div><textarea id="t">Hannah Baker</textarea><div id="e" contenteditable="true"><p id="ep">Hannah Baker</p></div><p id="ok">text</p></div>');
    expect(state('#t')).toBeNull();
    expect(state('#ep')).toBeNull();
    expect(state('#e')).toBeNull();
  });
});

describe('changes after load', () => {
  it('hides a paragraph added later, in the same microtask checkpoint', async () => {
    start('<main><p>first</p></main>');
    const p = document.createElement('p');
    p.textContent = 'The tapes are out';
    document.querySelector('main')!.append(p);
    await Promise.resolve();
    await nextMicrotasks();
    expect(p.getAttribute('data-plot-armor')).toBe('hidden');
  });

  it('re-evaluates text changed in place, both ways', async () => {
    start('<p id="a">nothing here</p>');
    const text = document.querySelector('#a')!.firstChild as Text;
    text.data = 'the tapes';
    await nextMicrotasks();
    expect(state('#a')).toBe('hidden');
    text.data = 'nothing again';
    await nextMicrotasks();
    expect(state('#a')).toBeNull();
  });

  it('hides an image whose alt text changes later', async () => {
    start('<p>x <img id="i" alt="poster"></p>');
    document.querySelector('#i')!.setAttribute('alt', 'Hannah Baker');
    await nextMicrotasks();
    expect(state('#i')).toBe('hidden');
  });

  it('keeps a revealed block revealed when its text changes', async () => {
    start('<p id="a">the tapes</p>');
    scanner.reveal(document.querySelector('#a')!);
    document.querySelector('#a')!.append(' and Hannah Baker');
    await nextMicrotasks();
    expect(state('#a')).toBe('revealed');
  });

  it('turns a huge burst into one rescan that still hides everything', async () => {
    start('<main></main>');
    const main = document.querySelector('main')!;
    for (let i = 0; i < 3000; i++) {
      const p = document.createElement('p');
      p.textContent = i % 100 === 0 ? `tapes ${i}` : `para ${i}`;
      main.append(p);
    }
    await nextMicrotasks();
    expect(document.querySelectorAll('[data-plot-armor="hidden"]')).toHaveLength(30);
    // Three thousand nodes in jsdom: seconds on a busy two-core machine. No speed is judged here.
  }, 30_000);
});

describe('content streamed in', () => {
  /** Appends `html` at the end of `parent` the way a parser does: one node at a time. */
  const stream = (parent: Element, html: string) => {
    const t = document.createElement('template');
    t.innerHTML = html;
    for (const node of [...t.content.childNodes]) parent.append(node);
  };

  it('hides what arrives chunk by chunk, and what a script inserts before the end meanwhile', async () => {
    start('<main id="m"></main>');
    const main = document.querySelector('#m')!;
    for (let chunk = 0; chunk < 5; chunk++) {
      stream(main, `<p>safe ${chunk}</p>\n<p class="s">the tapes, chunk ${chunk}</p>\n`);
      await nextMicrotasks();
    }
    expect(document.querySelectorAll('.s[data-plot-armor="hidden"]')).toHaveLength(5);
    // A script writes into a paragraph read long ago, and inserts one before the end.
    main.querySelector('p')!.append(' and Hannah Baker');
    const early = document.createElement('p');
    early.textContent = 'Hannah Baker again';
    main.insertBefore(early, main.children[2]!);
    stream(main, '<p class="s">tapes at the end</p>');
    await nextMicrotasks();
    expect(main.querySelector('p')!.getAttribute('data-plot-armor')).toBe('hidden');
    expect(early.getAttribute('data-plot-armor')).toBe('hidden');
    expect(document.querySelectorAll('.s[data-plot-armor="hidden"]')).toHaveLength(6);
  });

  it('reads a paragraph again when the rest of it arrives, both ways', async () => {
    start('<main id="m"></main>', { Show: ['Hannah'] });
    const main = document.querySelector('#m')!;
    const p = document.createElement('p');
    p.append('She said Hannah');
    main.append(p);
    await nextMicrotasks();
    expect(p.getAttribute('data-plot-armor')).toBe('hidden');
    // The word went on in the next chunk: "Hannahson" is somebody else.
    p.append('son was there');
    await nextMicrotasks();
    expect(p.getAttribute('data-plot-armor')).toBeNull();
    // And a name split across two chunks is found once both halves are in.
    const q = document.createElement('p');
    q.append('Not yet: Han');
    main.append(q);
    await nextMicrotasks();
    expect(q.getAttribute('data-plot-armor')).toBeNull();
    q.append('nah is here');
    await nextMicrotasks();
    expect(q.getAttribute('data-plot-armor')).toBe('hidden');
  });

  it('finds appends to a container that is no longer the last one, and carries on after the end moves', async () => {
    start('<main id="m"><p>one</p></main><footer id="f"><p>end</p></footer>');
    const main = document.querySelector('#m')!;
    const footer = document.querySelector('#f')!;
    stream(main, '<p id="a">the tapes</p>');
    await nextMicrotasks();
    expect(state('#a')).toBe('hidden');
    // The page removes the node the last read ended on, then keeps appending.
    footer.remove();
    stream(document.body, '<p id="b">Hannah Baker</p><div id="c">tapes</div>');
    await nextMicrotasks();
    expect([state('#b'), state('#c')]).toEqual(['hidden', 'hidden']);
    stream(document.querySelector('#c')!, ' and more');
    stream(document.body, '<p id="d">tapes</p>');
    await nextMicrotasks();
    expect([state('#c'), state('#d')]).toEqual(['hidden', 'hidden']);
  });

  it("queues the parser's insertions without asking each change its type, and still follows edits", async () => {
    // A long page streams in as tens of thousands of insertions: asking each its type
    // (one call into the browser each) was a measurable share of the scanner's cost.
    start('<main id="m"><p id="old">Nothing yet</p></main>');
    const main = document.querySelector('#m')!;
    const type = Object.getOwnPropertyDescriptor(MutationRecord.prototype, 'type')!;
    const asked: string[] = [];
    Object.defineProperty(MutationRecord.prototype, 'type', {
      ...type,
      get() {
        const value = type.get!.call(this) as string;
        asked.push(value);
        return value;
      },
    });
    try {
      for (let chunk = 0; chunk < 3; chunk++) {
        stream(main, `<p>safe ${chunk}</p>\n<p class="s">the tapes, chunk ${chunk}</p>\n`);
        await nextMicrotasks();
      }
      expect(document.querySelectorAll('.s[data-plot-armor="hidden"]')).toHaveLength(3);
      expect(asked).toEqual([]);
      // A text edit and a label still arrive, on the other observer.
      (document.querySelector('#old')!.firstChild as Text).data = 'Hannah Baker now';
      main.insertAdjacentHTML('beforeend', '<p><img id="pic" alt="a picture"></p>');
      await nextMicrotasks();
      document.querySelector('#pic')!.setAttribute('alt', 'the tapes');
      await nextMicrotasks();
    } finally {
      Object.defineProperty(MutationRecord.prototype, 'type', type);
    }
    expect(state('#old')).toBe('hidden');
    expect(document.querySelector('#pic')!.closest('[data-plot-armor]')).not.toBeNull();
    expect(asked.every((value) => value !== 'childList')).toBe(true);
  });
});

describe('watchlist changes and pauses', () => {
  it('shows blocks that no longer match, hides new matches', () => {
    start('<p id="a">the tapes</p><p id="b">Jessica</p>');
    scanner.setMatcher(fakeMatcher({ Show: ['Jessica'] }));
    expect([state('#a'), state('#b')]).toEqual([null, 'hidden']);
  });

  it('unhides everything when paused, but leaves revealed blocks revealed', () => {
    start('<p id="a">the tapes</p><p id="b">Hannah Baker</p>');
    scanner.reveal(document.querySelector('#b')!);
    scanner.setMatcher(null);
    expect([state('#a'), state('#b')]).toEqual([null, 'revealed']);
    expect(scanner.hiddenCount()).toBe(0);
  });

  it('does not count a revealed block as hidden when its container is read again', async () => {
    start('<main><p id="a">the tapes</p><p id="b">Hannah Baker</p></main>');
    scanner.reveal(document.querySelector('#a')!);
    document.querySelector('main')!.append(document.createElement('div'));
    document.querySelector('main')!.lastChild!.remove();
    await nextMicrotasks();
    expect(scanner.hiddenCount()).toBe(1);
  });

  it('reveals all and counts', () => {
    start('<p>the tapes</p><p>Hannah Baker</p><p>no</p>');
    expect(scanner.hiddenCount()).toBe(2);
    expect(scanner.revealAll()).toBe(2);
    expect(document.querySelectorAll('[data-plot-armor="revealed"]')).toHaveLength(2);
  });
});

describe('shadow roots', () => {
  it('scans open shadow roots found on the page', () => {
    document.body.innerHTML = '<x-card id="host"></x-card>';
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="s">the tapes</p>';
    scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
    scanner.setMatcher(fakeMatcher({ Show: ['tapes'] }));
    expect(root.querySelector('#s')!.getAttribute('data-plot-armor')).toBe('hidden');
  });
});

describe('hidden blocks and their reveal controls', () => {
  const controlOf = (el: Element) => {
    const before = el.previousElementSibling as HTMLElement | null;
    return before?.tagName === 'PLOT-ARMOR-REVEAL' ? before : null;
  };

  it('hides the content from assistive technology and puts a named reveal button before it', () => {
    start('<p id="a" title="orig">Hannah Baker <a id="l" href="/x">link</a></p>', { '13 Reasons Why': ['Hannah Baker'] });
    const p = document.querySelector('#a')!;
    expect(p.getAttribute('aria-hidden')).toBe('true');
    // What the page can read names no show.
    expect(p.getAttribute('title')).toBe('Possible spoiler — click to reveal');
    expect(p.hasAttribute('data-plot-armor-for')).toBe(false);
    expect(document.querySelector('#l')!.getAttribute('tabindex')).toBe('-1');
    const control = controlOf(p)!;
    expect(control.tagName).toBe('PLOT-ARMOR-REVEAL');
    expect(control.hasAttribute('data-plot-armor-ui')).toBe(true);
    // The show's name is in a closed shadow root, out of the page's reach.
    expect(control.shadowRoot).toBeNull();
    const button = controlButton(closed, control);
    expect(button.textContent).toBe('Possible spoiler for 13 Reasons Why — reveal');
    expect(button.textContent).not.toContain('Hannah');
  });

  it("gives back the page's own attributes and removes the control on reveal and when the block stops matching", async () => {
    start('<p id="a" title="orig">Hannah Baker <a id="l" href="/x" tabindex="2">link</a></p><p id="b">the tapes</p>');
    const a = document.querySelector('#a')!;
    scanner.reveal(a);
    expect([a.getAttribute('aria-hidden'), controlOf(a)]).toEqual([null, null]);
    expect(document.querySelector('#l')!.getAttribute('tabindex')).toBe('2');
    const b = document.querySelector('#b')!;
    b.textContent = 'nothing';
    await nextMicrotasks();
    expect([b.getAttribute('data-plot-armor'), b.getAttribute('aria-hidden'), controlOf(b)]).toEqual([null, null, null]);
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(0);
  });

  it('adds no title to a block that has none (pages style `[title]`), in any state', () => {
    start('<p id="a">Hannah Baker</p>', { '13 Reasons Why': ['Hannah Baker'] });
    const a = document.querySelector('#a')!;
    expect([state('#a'), a.hasAttribute('title')]).toEqual(['hidden', false]);
    scanner.reveal(a);
    expect([state('#a'), a.hasAttribute('title')]).toEqual(['revealed', false]);
    scanner.rehide(a);
    expect([state('#a'), a.hasAttribute('title')]).toEqual(['hidden', false]);
  });

  it('still matches an image by its own title while the extension shows its hint', async () => {
    start('<p>x <img id="i" title="Hannah Baker" alt=""></p>');
    expect(state('#i')).toBe('hidden');
    document.querySelector('#i')!.setAttribute('alt', 'a poster');
    await nextMicrotasks();
    expect(state('#i')).toBe('hidden');
  });

  it('never scans or hides its own controls', async () => {
    start('<div><p id="a">the tapes</p></div>');
    await nextMicrotasks();
    expect(document.querySelectorAll('[data-plot-armor="hidden"]')).toHaveLength(1);
  });
});

describe('shadow roots attached later', () => {
  it('scans a root handed over by the page hook, and what is added to it afterwards', async () => {
    document.body.innerHTML = '<x-late id="host"></x-late>';
    scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
    scanner.setMatcher(fakeMatcher({ Show: ['tapes'] }));
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="s">the tapes</p>';
    scanner.addShadowRoot(root);
    await nextMicrotasks();
    expect(root.querySelector('#s')!.getAttribute('data-plot-armor')).toBe('hidden');
    const later = document.createElement('p');
    later.textContent = 'more tapes';
    root.append(later);
    await nextMicrotasks();
    expect(later.getAttribute('data-plot-armor')).toBe('hidden');
  });
});

describe("the browser's language", () => {
  it.each([
    ['de', 'Möglicher Spoiler — zum Aufdecken klicken', 'Möglicher Spoiler zu Dark — aufdecken'],
    ['ja', 'ネタバレの可能性 — クリックで表示', 'Dark のネタバレの可能性 — 表示する'],
  ])('words the hints and the reveal control in %s, from its message file', (locale, hint, label) => {
    document.body.innerHTML = '<p id="a" title="own">Jonas Kahnwald</p>';
    scanner = createScanner({ words: pageWords(messagesOf(locale)), doc: document, signal: controller.signal });
    scanner.setMatcher(fakeMatcher({ Dark: ['Jonas Kahnwald'] }));
    const a = document.querySelector('#a')!;
    expect(a.getAttribute('title')).toBe(hint);
    expect(controlButton(closed, a.previousElementSibling!).textContent).toBe(label);
    scanner.reveal(a);
    expect(a.getAttribute('title')).toBe('own');
  });
});

describe('revealing and hiding again', () => {
  it('gives a revealed block its own title back, hides it again, and restores the page title after', () => {
    start('<p id="a" title="orig">the tapes</p>');
    const a = document.querySelector('#a')!;
    expect(a.getAttribute('title')).toBe('Possible spoiler — click to reveal');
    scanner.reveal(a);
    expect(a.getAttribute('title')).toBe('orig');
    expect(scanner.rehide(a)).toBe(true);
    expect(a.getAttribute('title')).toBe('Possible spoiler — click to reveal');
    expect(state('#a')).toBe('hidden');
    expect(a.getAttribute('aria-hidden')).toBe('true');
    expect(scanner.hiddenCount()).toBe(1);
    scanner.setMatcher(null);
    expect(a.getAttribute('title')).toBe('orig');
    expect(a.hasAttribute('aria-hidden')).toBe(false);
  });
});

describe('blocks that move or go away', () => {
  it('takes the reveal control away with a removed block, and hides it again when it comes back', async () => {
    start('<main><p id="a">the tapes</p><p>other</p></main>');
    const a = document.querySelector('#a')!;
    a.remove();
    await nextMicrotasks();
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(0);
    expect(scanner.hiddenCount()).toBe(0);
    document.querySelector('main')!.append(a);
    await nextMicrotasks();
    expect(a.getAttribute('data-plot-armor')).toBe('hidden');
    expect(a.previousElementSibling!.tagName).toBe('PLOT-ARMOR-REVEAL');
  });

  it('moves the reveal control along with a moved block', async () => {
    start('<main><p id="a">the tapes</p><p id="b">other</p></main>');
    const a = document.querySelector('#a')!;
    document.querySelector('main')!.append(a);
    await nextMicrotasks();
    expect(a.previousElementSibling!.tagName).toBe('PLOT-ARMOR-REVEAL');
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(1);
  });
});

describe('single-page-app navigations', () => {
  it('hides the new view and forgets the old one when a script swaps the page content', async () => {
    start('<div id="app"><p>the tapes</p><p>Hannah Baker</p></div>');
    expect(scanner.hiddenCount()).toBe(2);
    history.pushState({}, '', '#/next');
    document.querySelector('#app')!.innerHTML = '<section><h2 id="h">Episode 3: the tapes</h2><p id="s">Safe words</p></section>';
    await nextMicrotasks();
    expect([state('#h'), state('#s')]).toEqual(['hidden', null]);
    expect(scanner.hiddenCount()).toBe(1);
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(1);
  });
});

describe('text with no element of its own beside other blocks', () => {
  let highlights: ReturnType<typeof installFakeHighlights>;
  beforeEach(() => {
    highlights = installFakeHighlights();
  });
  afterEach(() => highlights.uninstall());

  const POST = '<div class="post" id="post"><blockquote id="q">moss wrote: is it good?</blockquote>Yes, Hannah Baker is back.<br><span id="s">Skip the finale.</span></div>';
  const words = () => document.querySelector('#q')!.nextSibling!.nextSibling as Text;

  it('hides the words as text, with a reveal control before them, and never the container', () => {
    start(POST);
    expect(highlights.texts()).toEqual(['Yes, Hannah Baker is back.']);
    expect(state('#post')).toBeNull();
    expect(state('#s')).toBeNull();
    const control = words().previousSibling as Element;
    expect(control.tagName).toBe('PLOT-ARMOR-REVEAL');
    expect(controlButton(closed, control).textContent).toBe('Possible spoiler for Show — reveal');
    expect(scanner.hiddenCount()).toBe(1);
  });

  it('follows the words when a script changes them or adds more', async () => {
    start(POST);
    words().data = 'Yes, it is good.';
    await nextMicrotasks();
    expect(highlights.texts()).toEqual([]);
    expect(document.querySelector('plot-armor-reveal')).toBeNull();
    document.querySelector('#post')!.append('And then the tapes came back.');
    await nextMicrotasks();
    expect(highlights.texts()).toEqual(['And then the tapes came back.']);
    expect(scanner.hiddenCount()).toBe(1);
  });

  it('reveals, keeps revealed through a re-read, hides again, and shows everything when paused', async () => {
    start(POST);
    const text = words();
    expect(scanner.reveal(text)).toBe(true);
    expect(highlights.texts()).toEqual([]);
    expect(scanner.hiddenCount()).toBe(0);
    text.appendData(' Really.');
    await nextMicrotasks();
    expect(highlights.texts()).toEqual([]);
    expect(scanner.rehide(text)).toBe(true);
    expect(highlights.texts()).toEqual(['Yes, Hannah Baker is back. Really.']);
    scanner.setMatcher(null);
    expect(highlights.texts()).toEqual([]);
    expect(document.querySelector('plot-armor-reveal')).toBeNull();
  });

  it('hides such text inside open shadow roots too', () => {
    start('<div id="host"></div>');
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="post"><blockquote>quoted</blockquote>The tapes are back.</div>';
    scanner.addShadowRoot(root);
    scanner.flush();
    expect(highlights.texts()).toEqual(['The tapes are back.']);
  });

  it(`reads such text in containers of up to ${TEXT_IN_CONTAINER_LIMIT} elements (beyond, it is the whitespace between paragraphs)`, () => {
    const paragraphs = (n: number) => '<p>x</p>'.repeat(n);
    start(`<div id="small">${paragraphs(TEXT_IN_CONTAINER_LIMIT - 1)}<hr>Hannah Baker</div><div id="large">${paragraphs(TEXT_IN_CONTAINER_LIMIT)}<hr>the tapes</div>`);
    expect(highlights.texts()).toEqual(['Hannah Baker']);
  });

  it('reads such text as it streams into a container, and forgets it when removed', async () => {
    start('<main id="m"><p>First paragraph.</p></main>');
    const main = document.querySelector('#m')!;
    main.append(document.createElement('hr'), 'Hannah');
    await nextMicrotasks();
    (main.lastChild as Text).appendData(' Baker, at last.');
    await nextMicrotasks();
    expect(highlights.texts()).toEqual(['Hannah Baker, at last.']);
    main.lastChild!.remove();
    await nextMicrotasks();
    expect(highlights.texts()).toEqual([]);
    expect(scanner.hiddenCount()).toBe(0);
  });
});
