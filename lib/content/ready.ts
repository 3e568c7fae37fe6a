/**
 * The document-level marks of the content script. Until the first pass is done, the
 * manifest stylesheet keeps the page's body invisible
 * (`html:not([data-plot-armor-ready]) body`), so nothing is painted before the terms
 * are known. A CSS animation in that same stylesheet shows the body after a short
 * delay whatever happens, so a failure here can never leave a page blank.
 */
import { CONTROL_TAG, OWN_UI_ATTRIBUTE, STATE_ATTRIBUTE } from '../scan/attributes';
import type { PageWords } from '../scan/words';

export const READY_ATTRIBUTE = 'data-plot-armor-ready';

/**
 * Sent on the document by a content script right before its first pass: an older
 * instance whose extension is gone stops and undoes its work when it gets it.
 */
export const TAKEOVER_EVENT = 'plot-armor-takeover';

/**
 * Marks the document as scanned, now and whenever a script replaces its root element
 * (`document.open()`, a swapped `<html>`), calling `onNewRoot` then. The mark stays
 * when the content script stops: taking it away would make the manifest stylesheet
 * hide the body again.
 */
export function markReady(doc: Document, signal: AbortSignal, onNewRoot?: () => void): void {
  let root: Element | null = null;
  const mark = () => {
    const el = doc.documentElement;
    if (el && !el.hasAttribute(READY_ATTRIBUTE)) el.setAttribute(READY_ATTRIBUTE, '');
    if (el !== root) {
      if (root) onNewRoot?.();
      root = el;
    }
  };
  mark();
  const win = doc.defaultView;
  if (!win || signal.aborted) return;
  const observer = new win.MutationObserver(mark);
  observer.observe(doc, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect());
}

/**
 * Takes away what an older instance of the content script left in the page and could
 * not undo itself (Firefox ends a replaced instance without running it again): its
 * controls and style elements, and the attributes it wrote on hidden blocks, so they
 * are neither hidden twice nor read as the page's own. The page's values of the
 * attributes it replaced died with it: its hint titles, `aria-hidden` and the
 * `tabindex="-1"` inside hidden blocks are removed. Its hint title is known by its
 * `words` (the browser's language, the same for both instances). (Builds before this one
 * also put a hint on revealed blocks; one left in a tab open across the update stays
 * until the page is loaded again: the bytes it would take are worth more elsewhere.)
 */
export function sweepLeftovers(doc: Document, words: PageWords): void {
  for (const el of doc.querySelectorAll(`${CONTROL_TAG}[${OWN_UI_ATTRIBUTE}], style[${OWN_UI_ATTRIBUTE}]`)) el.remove();
  for (const el of doc.querySelectorAll(`[${STATE_ATTRIBUTE}],[${STATE_ATTRIBUTE}-for]`)) {
    if (el.getAttribute(STATE_ATTRIBUTE) === 'hidden') {
      el.removeAttribute('aria-hidden');
      // Its links and buttons were taken out of the tab order: put them back.
      for (const inner of [el, ...el.querySelectorAll('[tabindex="-1"]')]) {
        if (inner.getAttribute('tabindex') === '-1') inner.removeAttribute('tabindex');
      }
    }
    if (el.getAttribute('title') === words.hiddenHint) el.removeAttribute('title');
    // An older version named the shows there.
    el.removeAttribute(`${STATE_ATTRIBUTE}-for`);
    el.removeAttribute(STATE_ATTRIBUTE);
  }
}
