/**
 * A hidden block is its own reveal control: focusable (Tab), a button to assistive
 * technology, named for the show it is about — never the matched term — while the
 * links and buttons inside it leave the tab order, so nothing in a spoiler can be
 * reached or read before the user reveals it. Its `title` gives the same wording on
 * hover. A revealed block's `title` says how to hide it again. Every attribute the page
 * had is kept and put back when the block is revealed or shown again.
 */
const CONTROL_ATTRIBUTES = ['tabindex', 'role', 'aria-label', 'title'] as const;
const INNER_FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]';
const NATIVELY_FOCUSABLE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY']);

type Saved = Map<Element, Record<string, string | null>>;
const saved = new WeakMap<Element, Saved>();

function remember(store: Saved, el: Element, names: readonly string[]): void {
  if (store.has(el)) return;
  const values: Record<string, string | null> = {};
  for (const name of names) values[name] = el.getAttribute(name);
  store.set(el, values);
}

/** The accessible name of a hidden block's control. */
export function revealLabel(titles: string): string {
  return `Possible spoiler for ${titles} — reveal`;
}

/** Turns a hidden block into its own reveal control. */
export function becomeControl(block: Element, titles: string): void {
  let store = saved.get(block);
  if (!store) {
    store = new Map();
    saved.set(block, store);
    remember(store, block, CONTROL_ATTRIBUTES);
    block.querySelectorAll(INNER_FOCUSABLE).forEach((inner) => {
      remember(store!, inner, ['tabindex']);
      inner.setAttribute('tabindex', '-1');
    });
  }
  if (!NATIVELY_FOCUSABLE.has(block.tagName.toUpperCase()) || block.getAttribute('tabindex') === '-1') {
    block.setAttribute('tabindex', '0');
  }
  block.setAttribute('role', 'button');
  block.setAttribute('aria-label', revealLabel(titles));
  // The hover hint: a native tooltip, readable while the block itself is blurred.
  block.setAttribute('title', revealLabel(titles));
}

/** Whether the extension currently manages `el`'s control attributes. */
export function isControlled(el: Element): boolean {
  return saved.get(el)?.has(el) === true || revealedTitles.has(el);
}

/** An attribute as the page set it, even while the extension has replaced it. */
export function originalAttribute(el: Element, name: string): string | null {
  const values = saved.get(el)?.get(el);
  if (values && name in values) return values[name] ?? null;
  if (name === 'title' && revealedTitles.has(el)) return revealedTitles.get(el) ?? null;
  return el.getAttribute(name);
}

/** Gives back every attribute the page had on the block and inside it. */
export function stopBeingControl(block: Element): void {
  const store = saved.get(block);
  if (!store) return;
  saved.delete(block);
  for (const [el, values] of store) {
    for (const [name, value] of Object.entries(values)) {
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    }
  }
}

const revealedTitles = new WeakMap<Element, string | null>();

/** The hover hint on a revealed block. */
export const REHIDE_HINT = 'Revealed by Plot Armor — Alt+click to hide it again';

/** Gives a revealed block its "hide again" hint (the page's own title is kept). */
export function showRehideHint(block: Element): void {
  if (!revealedTitles.has(block)) revealedTitles.set(block, block.getAttribute('title'));
  block.setAttribute('title', REHIDE_HINT);
}

/** Puts back the page's own title of a revealed block. */
export function clearRehideHint(block: Element): void {
  if (!revealedTitles.has(block)) return;
  const title = revealedTitles.get(block) ?? null;
  revealedTitles.delete(block);
  if (title === null) block.removeAttribute('title');
  else block.setAttribute('title', title);
}
