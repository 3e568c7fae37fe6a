/**
 * How a block reads on real pages: whitespace between inline elements is part of its
 * text (tables of contents, credits, tag lists), and a paragraph-like element that holds
 * other blocks (a table cell with lists, a list item with a nested list) is a container:
 * never hidden whole, its loose text hidden through its inline elements or as text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { createScanner } from '../../../lib/scan/scanner';
import { collect } from '../../../lib/scan/collect';
import { createBlockFinder } from '../../../lib/scan/block';
import { installFakeHighlights } from './fake-highlights';
import { englishWords } from '../../support/catalogue';

let controller: AbortController;
let highlights: ReturnType<typeof installFakeHighlights>;

const state = (selector: string) => document.querySelector(selector)?.getAttribute('data-plot-armor') ?? null;

function start(html: string, keywords: string[]): void {
  document.body.innerHTML = html;
  const scanner = createScanner({ words: englishWords, doc: document, signal: controller.signal });
  scanner.setMatcher(
    compileMatcher([{ id: 'l', title: 'Watched', enabled: true, matchNameParts: false, characters: [], cast: [], keywords }]),
  );
}

beforeEach(() => {
  controller = new AbortController();
  highlights = installFakeHighlights();
});
afterEach(() => {
  controller.abort();
  highlights.uninstall();
  document.body.innerHTML = '';
});

describe('whitespace between inline elements', () => {
  it.each([
    ['a space between a span and a link', '<p id="u"><span>Album</span> <a href="#">Purple Rain</a></p>', 'Purple Rain'],
    ['a space between bold and italic', '<p id="u"><b>Purple Rain</b> <i>Album</i></p>', 'Purple Rain'],
    ['a space between two spans in a list item', '<ul><li id="u"><span>3.5</span> <span>SeaMonkey</span></li></ul>', 'SeaMonkey'],
    [
      'a no-break space alone in an inline element',
      '<table><tr><td id="u">Blueprint&nbsp;library<i>&nbsp;<b>kovarex</b></i></td></tr></table>',
      'Blueprint library',
    ],
    ['a space alone in an inline element', '<p id="u"><b>Purple</b><span> </span><i>Rain</i></p>', 'Purple Rain'],
    ['a line break between two links', '<p id="u"><a href="#">Purple Rain</a>\n<a href="#">Tour</a></p>', 'Purple Rain'],
  ])('reads %s as a word break', (_label, html, term) => {
    start(html, [term]);
    expect(state('#u')).toBe('hidden');
  });

  it.each([
    ['links the page lays out apart', '<div id="u"><a href="#">Reddit gifts</a><a href="#">Communities</a><a href="#">Top posts</a></div>', 'Communities'],
    ['a name after a touching element', '<p id="u"><span>Album</span><a href="#">Purple Rain</a></p>', 'Purple Rain'],
    ['a drop cap', '<p id="u"><span class="initial">H</span>annah Baker came back.</p>', 'Hannah Baker'],
    ['a syllable in bold', '<p id="u">Han<b>nah</b> Baker came back.</p>', 'Hannah Baker'],
  ])('reads texts that touch without whitespace both joined and apart: %s', (_label, html, term) => {
    start(html, [term]);
    expect(state('#u')).toBe('hidden');
  });

  it('finds nothing in touching texts that neither reading names', () => {
    start('<p id="u"><span>Purp</span><a href="#">le</a><i>Rain</i> falls</p>', ['Purple Rain']);
    expect(state('#u')).toBeNull();
  });
});

describe('a paragraph-like element holding other blocks', () => {
  const cell =
    '<table><tr><td id="cell">Ruth Langmore <ul><li id="l1">Season one</li><li id="l2">Season two</li></ul>' +
    '<p id="p1">A long paragraph about the farm and nothing else.</p><b id="b">Ruth Langmore</b></td></tr></table>';

  it('is never hidden whole: its loose text is hidden as text, its inline elements on their own', () => {
    start(cell, ['Ruth Langmore']);
    expect(state('#cell')).toBeNull();
    expect(state('#p1')).toBeNull();
    expect(state('#l1')).toBeNull();
    expect(state('#b')).toBe('hidden');
    expect(highlights.texts()).toEqual(['Ruth Langmore']);
  });

  it('still hides the blocks inside it that match', () => {
    start(cell, ['Season two']);
    expect(state('#cell')).toBeNull();
    expect(state('#l1')).toBeNull();
    expect(state('#l2')).toBe('hidden');
  });

  it('hides an entry of a nested list (a table of contents) without the entries under it', () => {
    start(
      '<ul><li id="top"><a id="a" href="#plot"><span>1</span> <span>Plot</span></a>' +
        '<ul><li id="sub"><a href="#s1"><span>1.1</span> <span>Season one</span></a></li></ul></li></ul>',
      ['Plot'],
    );
    expect(state('#top')).toBeNull();
    expect(state('#a')).toBe('hidden');
    expect(state('#sub')).toBeNull();
  });

  it('stays a unit when it holds only inline elements', () => {
    start('<table><tr><td id="cell"><a href="#">Ruth</a> <b>Langmore</b></td></tr></table>', ['Ruth Langmore']);
    expect(state('#cell')).toBe('hidden');
  });
});

describe('a block read in thousands of pieces', () => {
  it('reads it once: its text so far is never read back as it grows (that copied it whole at every piece)', () => {
    document.body.innerHTML = `<p id="k">Kudos: ${Array.from({ length: 2000 }, (_, i) => `<a href="/u/${i}">reader${i}</a>`).join(', ')}</p>`;
    const k = document.querySelector('#k')!;
    const charCodeAt = String.prototype.charCodeAt;
    let longReads = 0;
    String.prototype.charCodeAt = function (this: string, index: number) {
      if (this.length > 1000) longReads++;
      return charCodeAt.call(this, index);
    };
    let text: string | undefined;
    try {
      text = collect(k, createBlockFinder(window)).units.get(k);
    } finally {
      String.prototype.charCodeAt = charCodeAt;
    }
    expect(longReads).toBe(0);
    expect(text).toContain('reader1999');
    expect(text!.startsWith('Kudos: reader0\u0000, reader1\u0000,')).toBe(true);
  });
});
