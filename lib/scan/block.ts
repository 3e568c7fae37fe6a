import { BLOCK_SELECTOR, INLINE_TAGS, NEVER_HIDDEN_TAGS, tagOf, UNIT_TAGS } from './tags';

/**
 * Finds the block that "reads as a unit" around a piece of text: the element that
 * gets hidden when that text mentions a watched show.
 *
 * - paragraph-like tags (p, li, td, h1…) are units, unless they hold other blocks;
 * - inline tags (b, a, span…) belong to the block around them;
 * - any other element (div, section, a custom element shown as a block) is a unit
 *   when it holds no other blocks — the text container of a post or card;
 * - a container of other blocks, `body` and `html` are never units: text sitting
 *   directly in one is hidden through its smallest inline element, if it has one.
 */
export interface BlockFinder {
  /** The unit holding `node` (a text node or an element), or null when there is none to hide. */
  unitOf(node: Node): Element | null;
}

/** Creates a finder whose answers are cached for one scanning pass (the DOM must not change meanwhile). */
export function createBlockFinder(win: Window = globalThis.window): BlockFinder {
  const unitCache = new Map<Element, Element | null>();
  const containerCache = new Map<Element, boolean>();

  const holdsBlocks = (el: Element): boolean => {
    let cached = containerCache.get(el);
    if (cached === undefined) {
      cached = el.querySelector(BLOCK_SELECTOR) !== null;
      containerCache.set(el, cached);
    }
    return cached;
  };

  /** Custom elements and unknown tags are classified by how the page displays them. */
  const displaysInline = (el: Element): boolean => {
    const display = win.getComputedStyle(el).display;
    return display === 'inline' || display === 'contents' || display === 'none';
  };

  const climb = (start: Element): Element | null => {
    let lastInline: Element | null = null;
    let el: Element | null = start;
    while (el) {
      const cached = unitCache.get(el);
      if (cached !== undefined) return cached ?? lastInline;
      const tag = tagOf(el);
      // A paragraph-like element holding other blocks (a table cell with lists, a list item
      // with a nested list) is a container of blocks like any other. The parser never puts
      // a block inside a `p`, and most units are one: it is spared the look.
      if (UNIT_TAGS.has(tag)) return tag === 'P' || !holdsBlocks(el) ? el : lastInline;
      if (NEVER_HIDDEN_TAGS.has(tag)) return lastInline;
      const known = INLINE_TAGS.has(tag);
      if (known || (tag.includes('-') && displaysInline(el))) {
        lastInline = el;
        el = el.parentElement;
        continue;
      }
      if (!holdsBlocks(el)) return el;
      return lastInline;
    }
    return lastInline;
  };

  return {
    unitOf(node: Node): Element | null {
      const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!start) return null;
      const cached = unitCache.get(start);
      if (cached !== undefined) return cached;
      const unit = climb(start);
      unitCache.set(start, unit);
      return unit;
    },
  };
}
