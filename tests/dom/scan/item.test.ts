import { describe, expect, it } from 'vitest';
import { heroPicturesOf, isShortItem, itemOf, picturesIn } from '../../../lib/scan/item';

const load = (html: string): void => {
  document.body.innerHTML = html;
};
const $ = (id: string): Element => document.getElementById(id)!;
const ids = (els: Element[]): string[] => els.map((el) => el.id || el.tagName.toLowerCase());
const long = (n: number) => 'Ordinary words about the weather and the town. '.repeat(n);

describe('itemOf', () => {
  it('finds the article, figure or list item around a block', () => {
    load(`<article id="post"><p id="t">Clay again</p><img id="i" src="x.jpg"></article>
      <figure id="fig"><img src="y.jpg"><figcaption id="cap">Clay</figcaption></figure>
      <ul><li id="li"><span id="s">Clay</span></li></ul>`);
    expect(itemOf($('t'))).toBe($('post'));
    expect(itemOf($('cap'))).toBe($('fig'));
    expect(itemOf($('li'))).toBe($('li'));
    expect(itemOf($('s'))).toBe($('li'));
  });

  it('finds one of several siblings of the same shape: a grid of cards', () => {
    load(`<div class="grid">
      <div class="card x" id="c1"><div class="meta"><h3 id="t1">Clay</h3></div></div>
      <div class="x card" id="c2"><div class="meta"><h3>Other</h3></div></div>
      <div class="card x" id="c3"><div class="meta"><h3>Other</h3></div></div>
    </div>`);
    expect(itemOf($('t1'))).toBe($('c1'));
  });

  it('needs several siblings of one shape (three, or all of two): a class in common, or the same custom element', () => {
    load(`<div><div class="a" id="a1"><p id="t">Clay</p></div><div class="a">x</div><div class="b">y</div></div>
      <div><div class="thing id-1 odd" id="r1"><p id="r">Clay</p></div><div class="thing id-2 even"></div><div class="thing id-3 odd"></div></div>
      <div><div><p id="plain">Clay</p></div><div>x</div><div>y</div></div>
      <div><feed-card id="f1"><p id="f">Clay</p></feed-card><feed-card></feed-card><feed-card></feed-card></div>
      <div role="feed"><div class="post" id="two"><p id="t2">Clay</p></div><div class="post"></div></div>
      <div><div class="post"><p id="t3">Clay</p></div><div class="post"></div><span>x</span></div>
      <table><tr><td id="td">Clay</td></tr><tr class="row"><td>x</td></tr><tr><td>y</td></tr></table>`);
    expect(itemOf($('t'))).toBeNull();
    expect(itemOf($('r'))).toBe($('r1'));
    expect(itemOf($('plain'))).toBeNull();
    expect(itemOf($('f'))).toBe($('f1'));
    expect(itemOf($('td'))).toBeNull();
    expect(itemOf($('t2'))).toBe($('two'));
    expect(itemOf($('t3'))).toBeNull();
  });

  it('is not an item alone in its parent, whatever extension controls stand beside it', () => {
    load(`<p>A picture: <plot-armor-reveal></plot-armor-reveal><a href="/x" id="link"><img id="img" alt="Clay"></a> and text.</p>`);
    expect(itemOf($('img'))).toBeNull();
  });

  it('has no item in a long article, nor above main or body', () => {
    load(`<article id="a"><h1 id="h">Clay</h1><p>${long(60)}</p><img src="z.jpg"></article>
      <main><p id="m">Clay</p></main><p id="b">Clay</p>`);
    expect(itemOf($('h'))).toBeNull();
    expect(itemOf($('m'))).toBeNull();
    expect(itemOf($('b'))).toBeNull();
  });

  it('crosses a shadow root to its host', () => {
    load(`<div id="list"><video-tile id="v1"></video-tile><video-tile></video-tile><video-tile></video-tile></div>`);
    const root = $('v1').attachShadow({ mode: 'open' });
    root.innerHTML = '<div><h3 id="inner">Clay</h3></div>';
    expect(itemOf(root.getElementById('inner')!)).toBe($('v1'));
  });

  it('asks nothing of the siblings of a paragraph, or of a plain tag with no class, however many there are', () => {
    // Each hidden block asks: a page of 20,000 paragraphs in one container must not
    // walk them for each of its spoilers.
    const rows = (tag: string, id: string) =>
      `<div>${Array.from({ length: 500 }, (_, i) => `<${tag}${i === 250 ? ` id="${id}"` : ''}>Clay, row ${i}</${tag}>`).join('')}</div>`;
    load(`${rows('p', 'para')}${rows('div', 'plain')}${rows('span', 'inline')}`);
    const reads = { count: 0, sibling: 0 };
    const proto = Element.prototype;
    const count = Object.getOwnPropertyDescriptor(proto, 'childElementCount')!;
    const next = Object.getOwnPropertyDescriptor(proto, 'nextElementSibling')!;
    Object.defineProperty(proto, 'childElementCount', { ...count, get() { reads.count++; return count.get!.call(this); } });
    Object.defineProperty(proto, 'nextElementSibling', { ...next, get() { reads.sibling++; return next.get!.call(this); } });
    try {
      expect(itemOf($('para'))).toBeNull();
      expect(itemOf($('plain'))).toBeNull();
      expect(itemOf($('inline'))).toBeNull();
    } finally {
      Object.defineProperty(proto, 'childElementCount', count);
      Object.defineProperty(proto, 'nextElementSibling', next);
    }
    expect(reads).toEqual({ count: 0, sibling: 0 });
  });
});

describe('isShortItem', () => {
  it('is short for a title, a channel and a duration; long for a post of paragraphs', () => {
    load(`<li id="short"><h3>Clay's tapes, explained</h3><span>TV Channel</span><span>12:04</span></li>
      <li id="long"><p>${long(8)}</p></li><li id="toc"><a href="#a">1 Plot</a><ul><li>1.1 Season one</li></ul></li>`);
    expect(isShortItem($('short'))).toBe(true);
    expect(isShortItem($('long'))).toBe(false);
    expect(isShortItem($('toc'))).toBe(false);
  });
});

describe('picturesIn', () => {
  it('finds images, pictures, videos, svg images and CSS background pictures, outermost only', () => {
    load(`<div id="item">
      <p id="block">Clay <img id="inline" src="a.png"></p>
      <picture id="pic"><source srcset="a.webp"><img src="a.jpg"></picture>
      <video id="vid" poster="p.jpg"></video>
      <svg id="svg"><image href="x.png"></image></svg>
      <a href="/w"><div id="thumb" style="background-image: url(thumb.jpg)"></div></a>
      <div id="gradient" style="background-image: linear-gradient(red, blue)">text</div>
      <span role="img" id="role" aria-label="x"></span>
    </div>`);
    expect(ids(picturesIn($('item'), window))).toEqual(['inline', 'pic', 'vid', 'svg', 'thumb', 'role']);
  });

  it('finds a background picture set by a stylesheet', () => {
    load(`<style>.thumb { background-image: url(t.jpg); }</style><div id="item"><div class="thumb" id="t"></div></div>`);
    expect(ids(picturesIn($('item'), window))).toEqual(['t']);
  });
});

describe('heroPicturesOf', () => {
  it('finds the picture right before or after a headline, or in its header', () => {
    load(`<article><figure id="hero"><img id="hero-img" src="h.jpg"></figure><h1 id="h">Clay</h1>
      <p>${long(40)}</p><figure id="later"><img src="l.jpg"><figcaption>Later</figcaption></figure></article>
      <article><header><h1 id="h2">Clay</h1><div id="wrap"><img id="in-header" src="i.jpg"></div></header><p>text</p></article>`);
    expect(ids(heroPicturesOf($('h'), window))).toEqual(['hero-img']);
    expect(ids(heroPicturesOf($('h2'), window))).toEqual(['in-header']);
  });

  it('leaves a captioned figure and other headings alone', () => {
    load(`<h1 id="h">Clay</h1><figure><img src="x.jpg"><figcaption>A caption</figcaption></figure><h3 id="h3">Clay</h3><img src="y.jpg">`);
    expect(heroPicturesOf($('h'), window)).toEqual([]);
    expect(heroPicturesOf($('h3'), window)).toEqual([]);
  });
});
