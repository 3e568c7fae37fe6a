/**
 * The scanner with items: a short item hidden as one, a post's pictures hidden with its
 * matching paragraph, a reveal that lasts when a framework renders the same post again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenForReveals } from '../../../lib/scan/reveal-events';
import { createScanner, type Scanner } from '../../../lib/scan/scanner';
import { captureClosedRoots } from './closed-roots';
import { fakeMatcher } from './fake-matcher';
import { englishWords } from '../../support/catalogue';

let controller: AbortController;
let scanner: Scanner;
let closed: ReturnType<typeof captureClosedRoots>;

const $ = (selector: string) => document.querySelector(selector)!;
const state = (selector: string) => $(selector).getAttribute('data-plot-armor');
const controls = () => document.querySelectorAll('plot-armor-reveal').length;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const click = (el: Element, init: MouseEventInit = {}) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ...init }));
const long = 'Ordinary words about the weather, the town and the week that was. '.repeat(5);

const TILE = (n: number, title: string) => `<div class="tile" id="tile-${n}">
  <a href="/w${n}"><img id="thumb-${n}" src="t${n}.jpg" alt=""></a><span class="time">12:0${n}</span>
  <h3 id="title-${n}">${title}</h3><div class="channel">Channel ${n}</div></div>`;
const GRID = `<div class="grid">${TILE(1, 'Hannah Baker, explained')}${TILE(2, 'Lemon cake')}${TILE(3, 'Fast laps')}</div>`;
const POST = `<article id="post"><img id="avatar" src="a.jpg" alt="">
  <p id="p1">${long}</p><p id="p2">And then Hannah Baker came back.</p>
  <figure id="photo"><img id="photo-img" src="p.jpg" alt="" tabindex="0"></figure></article>`;

function start(html: string) {
  document.body.innerHTML = html;
  scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
  scanner.setMatcher(fakeMatcher({ Show: ['Hannah Baker'] }));
  listenForReveals(window, scanner, controller.signal);
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

describe('a short item', () => {
  it('is hidden as one unit, with one control, and revealed and hidden again as one', () => {
    start(GRID);
    expect(state('#tile-1')).toBe('hidden');
    expect($('#title-1').hasAttribute('data-plot-armor')).toBe(false);
    expect($('#thumb-1').hasAttribute('data-plot-armor')).toBe(false);
    expect(state('#tile-2')).toBeNull();
    expect(controls()).toBe(1);
    expect(scanner.hiddenCount()).toBe(1);
    click($('#thumb-1'));
    expect(state('#tile-1')).toBe('revealed');
    click($('#time-1') ?? $('#tile-1 .time'), { altKey: true });
    expect(state('#tile-1')).toBe('hidden');
  });
  it('is not blurred whole when it holds a box positioned outside it: the blur would move that box', () => {
    // A blurred element is the containing block of the fixed and absolutely positioned
    // boxes inside it: the banner fixed to the window would be laid out at the item.
    const BANNER = (n: number, text: string, style: string) =>
      `<div class="vars" id="vars-${n}"><div id="box-${n}" style="${style}"><span>${text}</span></div></div>`;
    start(
      `<div style="position:relative">${BANNER(1, 'Hannah Baker, explained', 'position:fixed;bottom:0')}` +
        `${BANNER(2, 'Hannah Baker again', 'position:absolute;top:0')}${BANNER(3, 'Hannah Baker inside', '')}` +
        `<div class="vars" id="vars-4" style="position:relative"><div style="position:absolute"><span>Hannah Baker</span></div></div></div>`,
    );
    expect(state('#vars-1')).toBeNull();
    // The box itself is blurred: a filter on a box does not move it.
    expect(state('#box-1')).toBe('hidden');
    expect(state('#vars-2')).toBeNull();
    expect(state('#box-2')).toBe('hidden');
    // A box positioned inside the item stays where it is.
    expect(state('#vars-3')).toBe('hidden');
    expect(state('#vars-4')).toBe('hidden');
  });
});

describe('the order of reads and writes', () => {
  // A style read makes the browser build the page's layout tree; a blur written after it
  // costs a style update that grows with the length of the list around the blurred item.
  // So every style a pass needs is read once its blocks and items are written.
  it('reads no style before the pass has written what it hides', () => {
    const written: boolean[] = [];
    const read = window.getComputedStyle.bind(window);
    window.getComputedStyle = (el: Element, pseudo?: string | null) => {
      written.push(document.querySelector('[data-plot-armor]') !== null);
      return read(el, pseudo);
    };
    try {
      start(`${GRID}${POST}<div class="vars" id="vars-1"><div style="position:fixed"><span>Hannah Baker</span></div></div>
        <div class="vars"><span>Other</span></div><div class="vars"><span>Other</span></div>`);
    } finally {
      window.getComputedStyle = read;
    }
    expect(state('#tile-1')).toBe('hidden');
    expect(state('#photo-img')).toBe('hidden');
    expect(state('#vars-1')).toBeNull();
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((done) => !done)).toEqual([]);
  });

  it('looks at the pictures of an item once a pass, however many of its blocks are hidden', () => {
    const blocks = Array.from({ length: 12 }, (_, i) => `<p id="q${i}">Hannah Baker, part ${i}. <img id="own${i}" src="o.jpg" alt=""></p>`);
    let reads = 0;
    const read = window.getComputedStyle.bind(window);
    window.getComputedStyle = (el: Element, pseudo?: string | null) => {
      reads++;
      return read(el, pseudo);
    };
    try {
      start(`<article id="post"><img id="avatar" src="a.jpg" alt=""><p>${long}</p>${blocks.join('')}
        <figure id="photo"><img id="photo-img" src="p.jpg" alt=""></figure></article>`);
    } finally {
      window.getComputedStyle = read;
    }
    expect(blocks.map((_, i) => state(`#q${i}`))).toEqual(blocks.map(() => 'hidden'));
    expect([state('#avatar'), state('#photo-img')]).toEqual(['hidden', 'hidden']);
    // A block's own picture is blurred with it, and is no part of another block.
    expect($('#own3').hasAttribute('data-plot-armor')).toBe(false);
    // One look at the item's 16 elements that are no picture, not one per hidden block.
    expect(reads).toBeLessThan(40);
  });

  it('settles once an item found to move is hidden block by block: nothing is written and undone again', async () => {
    // Its title is the page's: hiding the item whole writes over it, and undoing that writes it back.
    start(`<div class="vars" id="vars-1" title="A card"><div id="box-1" style="position:fixed"><span>Hannah Baker</span></div></div>
      <div class="vars"><span>Other</span></div><div class="vars"><span>Other</span></div>`);
    // Were it written and undone on every read, the passes would follow one another in
    // microtasks forever: the watch stops the scanner then, and the test fails.
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => {
      changes.push(...records);
      if (changes.length > 100) controller.abort();
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
    await tick();
    await tick();
    watch.disconnect();
    expect(changes.length).toBe(0);
    expect(state('#vars-1')).toBeNull();
    expect($('#vars-1').getAttribute('title')).toBe('A card');
    expect(state('#box-1')).toBe('hidden');
    expect(controls()).toBe(1);
  });
});

describe('a post', () => {
  it('keeps paragraph-level hiding and hides its pictures with the matching paragraph', () => {
    start(POST);
    expect(state('#p2')).toBe('hidden');
    expect(state('#p1')).toBeNull();
    expect(state('#post')).toBeNull();
    for (const id of ['#avatar', '#photo-img']) {
      expect(state(id)).toBe('hidden');
      expect($(id).getAttribute('data-plot-armor-part')).toBe('picture');
      expect($(id).getAttribute('aria-hidden')).toBe('true');
    }
    expect($('#photo-img').getAttribute('tabindex')).toBe('-1');
    expect(controls()).toBe(1);
    expect(scanner.hiddenCount()).toBe(1);
  });

  it('reveals the paragraph and its pictures with one click on either, and gives back the page own attributes', () => {
    start(POST);
    click($('#photo-img'));
    expect([state('#p2'), state('#avatar'), state('#photo-img')]).toEqual(['revealed', 'revealed', 'revealed']);
    expect($('#photo-img').getAttribute('tabindex')).toBe('0');
    expect($('#photo-img').hasAttribute('aria-hidden')).toBe(false);
    expect($('#photo').hasAttribute('data-plot-armor')).toBe(false);
    click($('#photo-img'), { altKey: true });
    expect([state('#p2'), state('#avatar'), state('#photo-img')]).toEqual(['hidden', 'hidden', 'hidden']);
  });

  it('shows its pictures again when the paragraph stops matching, and when the scanner stops', async () => {
    start(POST);
    $('#p2').textContent = 'And then nobody came back.';
    await tick();
    expect($('#photo-img').hasAttribute('data-plot-armor')).toBe(false);
    expect($('#photo-img').hasAttribute('data-plot-armor-part')).toBe(false);
    $('#p2').textContent = 'Hannah Baker again';
    await tick();
    expect(state('#photo-img')).toBe('hidden');
    controller.abort();
    expect(document.querySelectorAll('[data-plot-armor], [data-plot-armor-part], [aria-hidden]')).toHaveLength(0);
    expect($('#photo-img').getAttribute('tabindex')).toBe('0');
  });

  it('leaves the pictures of a long article alone, except the hero of its matching headline', () => {
    start(`<article><figure id="hero"><img src="h.jpg"></figure><h1 id="h">Hannah Baker returns</h1>
      <p>${long.repeat(6)}</p><figure id="later"><img src="l.jpg"><figcaption>A town</figcaption></figure></article>`);
    expect(state('#h')).toBe('hidden');
    expect(state('#hero img')).toBe('hidden');
    expect($('#later img').hasAttribute('data-plot-armor')).toBe(false);
  });
});

describe('a reveal', () => {
  it('lasts when a framework renders the same post again, until the text changes', async () => {
    start(GRID);
    click($('#tile-1'));
    expect(state('#tile-1')).toBe('revealed');
    $('.grid').innerHTML = `${TILE(1, 'Hannah Baker, explained')}${TILE(2, 'Lemon cake')}${TILE(3, 'Fast laps')}`;
    await tick();
    expect(state('#tile-1')).toBe('revealed');
    expect(scanner.hiddenCount()).toBe(0);
    $('.grid').innerHTML = `${TILE(1, 'Hannah Baker, the ending')}${TILE(2, 'Lemon cake')}${TILE(3, 'Fast laps')}`;
    await tick();
    expect(state('#tile-1')).toBe('hidden');
  });
});

describe('an item still streaming in', () => {
  it('is hidden as one while short, and read again block by block once it has grown', async () => {
    start('<article id="story"><h1 id="head">Hannah Baker returns</h1><img id="hero" src="h.jpg" alt=""></article>');
    expect(state('#story')).toBe('hidden');
    for (let i = 0; i < 4; i++) $('#story').insertAdjacentHTML('beforeend', `<p class="later">${long}</p>`);
    await tick();
    expect(state('#story')).toBeNull();
    expect(state('#head')).toBe('hidden');
    expect(state('#hero')).toBe('hidden');
    for (const p of document.querySelectorAll('.later')) expect(p.hasAttribute('data-plot-armor')).toBe(false);
    expect(controls()).toBe(1);
    expect(scanner.hiddenCount()).toBe(1);
  });
});

describe('a picture named by its alt, alone in a link', () => {
  it('is hidden once and the page settles: its control beside the link does not make the link an item', async () => {
    start('<p>A picture: <a href="/x" id="link"><img id="img" alt="Hannah Baker" src="i.jpg"></a> and text.</p>');
    let changes = 0;
    new MutationObserver((records) => (changes += records.length)).observe(document.body, { subtree: true, childList: true, attributes: true });
    for (let i = 0; i < 5; i++) await tick();
    expect(changes).toBe(0);
    expect(state('#img')).toBe('hidden');
    expect($('#link').hasAttribute('data-plot-armor')).toBe(false);
  });
});

describe('a focusable block', () => {
  it('gets its own tab order back on reveal (its tabindex is remembered with its other attributes)', () => {
    start('<nav><a id="l" href="/x" aria-label="Hannah Baker trailer">▶</a><a href="/y">Home</a></nav>');
    expect(state('#l')).toBe('hidden');
    expect($('#l').getAttribute('tabindex')).toBe('-1');
    click($('#l'));
    expect($('#l').hasAttribute('tabindex')).toBe(false);
  });
});
