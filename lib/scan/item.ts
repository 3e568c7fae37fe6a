/**
 * The picture beside the words. A hidden block often stands in a small, self-contained
 * item — a feed entry, a post, a video tile, a search result, a teaser card, a figure —
 * whose pictures (a thumbnail, an attached photo, a preview) spoil as much as its text.
 * This module finds that item from the page's own structure, with no site rules, and
 * the pictures it shows. It only reads the DOM.
 *
 * An item is the nearest element around the block (the block itself included) that is
 * - an `article`, `figure` or `li`, or has the role `article` or `listitem`, or
 * - one of several siblings of the same shape (same tag and a class in common, or the
 *   same custom element): the entries of a list or a grid of cards;
 * and that is small: a long article whose one paragraph names a term is not an item, so
 * its other pictures stay visible (its headline's hero picture is found apart, below).
 */
import { CONTROL_TAG } from './attributes';
import { isControl } from './control';
import { tagOf, tags } from './tags';

/** Above this many characters of text an element is too long to be one item. */
export const ITEM_TEXT_LIMIT = 1500;
/** Above this many elements an element is too large to be one item. */
export const ITEM_ELEMENT_LIMIT = 400;
/** Up to this many characters of text, an item is short: it is hidden as one unit. */
export const SHORT_ITEM_LIMIT = 240;

const ITEM_TAGS = tags('ARTICLE FIGURE LI');
const STOP_TAGS = tags('BODY HTML MAIN');
const PICTURE_SELECTOR = 'img,picture,video,svg,canvas,[role=img]';

/** The element's parent, across a shadow root's boundary. */
const up = (el: Element): Element | null =>
  el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host as Element | undefined) ?? null;

/** Tags whose siblings of one shape are rows of text, not items: a table's rows, an article's paragraphs. */
const NOT_ITEM_TAGS = tags('P TR TD TH TBODY DT DD OPTION H1 H2 H3 H4 H5 H6 BR');

/**
 * Whether `sib` has `el`'s shape: the same tag, and a class in common (sites give each
 * entry classes of its own too, such as its id or odd/even) — or, for a custom element,
 * no class at all. (Plain tags with no class, the `div`s of any page, never make items:
 * `hasSameShapeSiblings` leaves them out before asking.)
 */
function sameShape(el: Element, sib: Element): boolean {
  if (sib.tagName !== el.tagName) return false;
  if (el.classList.length === 0) return sib.classList.length === 0;
  for (const name of el.classList) if (sib.classList.contains(name)) return true;
  return false;
}

/**
 * Whether `el` is one of several entries of one shape: three or more, or every child of
 * its parent when there are two (a feed whose first posts have just arrived).
 */
function hasSameShapeSiblings(el: Element): boolean {
  const parent = el.parentElement;
  // Everything that can rule `el` out without its siblings comes first: each hidden block
  // asks, and a paragraph can have 20,000 siblings (even `childElementCount` counts them).
  if (!parent || NOT_ITEM_TAGS.has(tagOf(el)) || (el.classList.length === 0 && !el.tagName.includes('-'))) return false;
  let same = 1;
  let others = 0;
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    // The extension's own controls are not the page's: counting them would make an item
    // flip each time a control comes or goes, and the scanner undo and redo it forever.
    if (isControl(sib)) continue;
    if (sib !== el && sameShape(el, sib) && ++same >= 3) return true;
    if (sib !== el) others++;
  }
  return others > 0 && same === others + 1;
}

function isItemLike(el: Element): boolean {
  if (ITEM_TAGS.has(tagOf(el))) return true;
  const role = el.getAttribute('role');
  return role === 'article' || role === 'listitem' || hasSameShapeSiblings(el);
}

/** Whether `el` is small enough to be one item. */
function isSmall(el: Element): boolean {
  const elements = el.getElementsByTagName('*').length - el.getElementsByTagName(CONTROL_TAG).length;
  return (el.textContent?.length ?? 0) <= ITEM_TEXT_LIMIT && elements <= ITEM_ELEMENT_LIMIT;
}

/** The small self-contained item `block` stands in, or null (a long article, a page region). */
export function itemOf(block: Element): Element | null {
  for (let el: Element | null = block; el && !STOP_TAGS.has(tagOf(el)); el = up(el)) {
    if (isItemLike(el)) return isSmall(el) ? el : null;
  }
  return null;
}

/** What a node says, with runs of white space counted once. */
export const spacedText = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The length of an element's text with runs of white space counted once. */
export const textLength = (el: Element): number => spacedText(el).length;

/**
 * Whether an item is short (a title, a channel name, a duration, a thumbnail): hidden as
 * one unit. A list entry holding a list of its own (a table of contents' entry and its
 * sub-entries) is not: each of its entries reads on its own.
 */
export const isShortItem = (item: Element): boolean =>
  textLength(item) <= SHORT_ITEM_LIMIT && !(tagOf(item) === 'LI' && item.querySelector('ul,ol,dl'));

/** Whether an element draws a picture through CSS (`background-image: url(…)`, a gradient is no picture). */
const hasBackgroundPicture = (el: Element, win: Window): boolean => win.getComputedStyle(el).backgroundImage.includes('url(');

/**
 * The pictures `root` shows: `img`, `picture`, `video`, `svg`, `canvas`, `[role=img]` and
 * elements with a CSS background picture; the outermost of nested ones only.
 */
export function picturesIn(root: Element, win: Window): Element[] {
  const found: Element[] = [];
  const visit = (el: Element): void => {
    if (el.matches(PICTURE_SELECTOR) || hasBackgroundPicture(el, win)) {
      found.push(el);
      return;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(root);
  return found;
}

/** Whether `el` shows a picture and no text: a hero image's wrapper, a thumbnail's link. */
function isPictureOnly(el: Element, win: Window): boolean {
  return (el.textContent ?? '').trim() === '' && picturesIn(el, win).length > 0;
}

/**
 * The hero picture of a headline that is not in an item: the pictures standing right
 * before or after the heading (or its wrapper, a `header` or `hgroup`), with no text of
 * their own. An article's picture further down is left alone.
 */
export function heroPicturesOf(heading: Element, win: Window): Element[] {
  if (!/^H[12]$/.test(tagOf(heading))) return [];
  const wrapper = heading.parentElement?.matches('header,hgroup') ? heading.parentElement : heading;
  const found: Element[] = [];
  // The reveal control written before the heading is no neighbour of the page's.
  let before = wrapper.previousElementSibling;
  while (before && isControl(before)) before = before.previousElementSibling;
  for (const sibling of [before, wrapper.nextElementSibling]) {
    if (sibling && isPictureOnly(sibling, win)) found.push(...picturesIn(sibling, win));
  }
  if (wrapper !== heading) {
    for (let child = wrapper.firstElementChild; child; child = child.nextElementSibling) {
      if (child !== heading && isPictureOnly(child, win)) found.push(...picturesIn(child, win));
    }
  }
  return found;
}
