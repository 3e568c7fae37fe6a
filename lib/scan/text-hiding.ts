/**
 * Text with no element of its own beside other blocks — a board post's own words
 * written between its quotes, text directly in `body`. Hiding an element would hide the
 * blocks around it, and the page's text nodes are never changed, so such a text node is
 * hidden as text: a range over it joins the CSS custom highlight `plot-armor-hidden`,
 * which the extension's stylesheet blurs. Its state is kept in the scanner's ledger,
 * as an element's is in its `data-plot-armor` attribute.
 */
import { HIGHLIGHT_NAME } from './attributes';

/** The document's highlight of hidden text, made on first use; null where the browser has none. */
export function highlightOf(doc: Document): Highlight | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = win?.CSS?.highlights;
  if (!registry) return null;
  let highlight = registry.get(HIGHLIGHT_NAME);
  if (!highlight) registry.set(HIGHLIGHT_NAME, (highlight = new win.Highlight()));
  return highlight;
}

/** Takes the highlight out of the page's registry once it holds no text (a scanner stopped). */
export function dropEmptyHighlight(doc: Document): void {
  const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS?.highlights;
  if (registry?.get(HIGHLIGHT_NAME)?.size === 0) registry.delete(HIGHLIGHT_NAME);
}

/** Whether the point (x, y) of the viewport is within the box of `text`'s lines. */
export function isOnText(text: Text, x: number, y: number): boolean {
  const range = text.ownerDocument.createRange();
  range.selectNodeContents(text);
  const box = range.getBoundingClientRect();
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}
