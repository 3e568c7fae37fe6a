/**
 * Open shadow roots attached after their host was scanned (a custom element defined
 * late, a widget that renders on demand) cause no mutation the content script can
 * observe. A tiny hook in the page's world reports each open `attachShadow` with an
 * event on the host; the content script then scans and observes the new root.
 */
export const SHADOW_EVENT = 'plot-armor-shadow-attached';

/** Wraps `Element.prototype.attachShadow` in `win` (idempotent). */
export function hookAttachShadow(win: Window & typeof globalThis): void {
  const proto = win.Element.prototype as Element & { __plotArmorHooked?: true };
  if (proto.__plotArmorHooked) return;
  const original = proto.attachShadow;
  Object.defineProperty(proto, '__plotArmorHooked', { value: true });
  proto.attachShadow = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
    const root = original.call(this, init);
    if (init.mode === 'open') {
      try {
        this.dispatchEvent(new win.CustomEvent(SHADOW_EVENT, { bubbles: true, composed: true }));
      } catch {
        // Never let the hook break the page's own call.
      }
    }
    return root;
  };
}

/**
 * Calls `onRoot` with each open shadow root the page hook reports, until `signal`
 * aborts. Returns a function that adds the listener again (idempotent), for after a
 * `document.open()`, which erases the document's listeners.
 */
export function listenForShadowRoots(doc: Document, signal: AbortSignal, onRoot: (root: ShadowRoot) => void): () => void {
  const listener = (event: Event): void => {
    const host = event.composedPath()[0] as Element | undefined;
    if (host?.shadowRoot) onRoot(host.shadowRoot);
  };
  const attach = (): void => doc.addEventListener(SHADOW_EVENT, listener, { capture: true, signal });
  attach();
  return attach;
}
