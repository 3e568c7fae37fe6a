/**
 * Until the first pass is done, the manifest stylesheet keeps the page's body
 * invisible (`html:not([data-plot-armor-ready]) body`), so nothing is painted before
 * the terms are known. A CSS animation in that same stylesheet shows the body after
 * a short delay whatever happens, so a failure here can never leave a page blank.
 */
export const READY_ATTRIBUTE = 'data-plot-armor-ready';

/** Marks the document as scanned, now and whenever a script replaces its root element. */
export function markReady(doc: Document, signal: AbortSignal): void {
  const mark = () => {
    if (doc.documentElement && !doc.documentElement.hasAttribute(READY_ATTRIBUTE)) {
      doc.documentElement.setAttribute(READY_ATTRIBUTE, '');
    }
  };
  mark();
  const win = doc.defaultView;
  if (!win) return;
  const observer = new win.MutationObserver(mark);
  observer.observe(doc, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
