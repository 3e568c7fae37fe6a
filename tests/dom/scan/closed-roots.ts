/**
 * The reveal controls live in closed shadow roots, which no script of the page can
 * reach. Tests keep a reference to each closed root attached while installed, to read
 * the control's button as a screen reader would.
 */
export function captureClosedRoots(win: Window & typeof globalThis = window): {
  rootOf(host: Element): ShadowRoot | undefined;
  uninstall(): void;
} {
  const roots = new WeakMap<Element, ShadowRoot>();
  const proto = win.Element.prototype;
  const original = proto.attachShadow;
  proto.attachShadow = function attachShadow(this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.set(this, root);
    return root;
  };
  return {
    rootOf: (host) => roots.get(host),
    uninstall() {
      proto.attachShadow = original;
    },
  };
}

/** The button of a reveal control (its host, `<plot-armor-reveal>`). */
export function controlButton(closed: ReturnType<typeof captureClosedRoots>, host: Element): HTMLButtonElement {
  const button = closed.rootOf(host)?.querySelector('button');
  if (!button) throw new Error('not a reveal control');
  return button;
}
