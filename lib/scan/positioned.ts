/**
 * Whether the blur would move something. A `filter` makes its element the containing
 * block of every box inside it that is positioned against something outside it: a
 * `position: fixed` box (a cookie banner on the window's bottom edge, a floating button)
 * and an `absolute` one with no positioned ancestor inside the element
 * (https://drafts.fxtf.org/filter-effects/#FilterProperty). Blurred, such a box is laid
 * out against the element instead, and can grow the page.
 */

/** Whether a filter on `el` would move a box inside it (read only; one style read per element inside). */
export function movedByFilter(el: Element, win: Window): boolean {
  const position = (node: Element): string => win.getComputedStyle(node).position;
  for (const inner of el.getElementsByTagName('*')) {
    const at = position(inner);
    if (at === 'fixed') return true;
    if (at === 'absolute') {
      // Placed against its nearest positioned ancestor: none up to `el`, `el` included, means one outside.
      let up = inner.parentElement!;
      while (up !== el && position(up) === 'static') up = up.parentElement!;
      if (position(up) === 'static') return true;
    }
  }
  return false;
}
