/**
 * Text with no element of its own beside other blocks — a board post's own words
 * written between its quotes, text directly in `body`. Hiding an element would hide the
 * blocks around it, and the page's text nodes are never changed, so such a text node is
 * hidden as text: a range over it joins the CSS custom highlight `plot-armor-hidden`,
 * which the extension's stylesheet blurs. Its state lives here, as an element's lives in
 * its `data-plot-armor` attribute.
 */
import type { BlockState } from './state';

/** The name of the highlight holding hidden text (public: user styles can restyle it). */
export const HIGHLIGHT_NAME = 'plot-armor-hidden';

/** A text the extension hid (or the user revealed), and the show titles it was hidden for. */
interface HiddenText {
  state: BlockState;
  label: string;
  range: Range;
}
const texts = new WeakMap<Text, HiddenText>();

/** The document's highlight of hidden text, made on first use; null where the browser has none. */
export function highlightOf(doc: Document): Highlight | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = win?.CSS?.highlights;
  if (!registry) return null;
  let highlight = registry.get(HIGHLIGHT_NAME);
  if (!highlight) registry.set(HIGHLIGHT_NAME, (highlight = new win.Highlight()));
  return highlight;
}

/** The state and show titles of a text the extension hid; undefined if none. */
export const hiddenText = (text: Text): Readonly<HiddenText> | undefined => texts.get(text);

/** Sets a text's state: hidden texts are in the highlight (their range covers all of them again). */
export function setTextState(text: Text, state: BlockState | null, label?: string): void {
  const highlight = highlightOf(text.ownerDocument);
  let entry = texts.get(text);
  if (state === null) {
    if (entry) highlight?.delete(entry.range);
    texts.delete(text);
    return;
  }
  if (!entry) texts.set(text, (entry = { state, label: '', range: text.ownerDocument.createRange() }));
  entry.state = state;
  if (label !== undefined) entry.label = label;
  // The text may have grown since (the parser appends to it): cover all of it.
  entry.range.selectNodeContents(text);
  if (state === 'hidden') highlight?.add(entry.range);
  else highlight?.delete(entry.range);
}

/** Whether the point (x, y) of the viewport is within the box of `text`'s lines. */
export function isOnText(text: Text, x: number, y: number): boolean {
  const range = text.ownerDocument.createRange();
  range.selectNodeContents(text);
  const box = range.getBoundingClientRect();
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}
