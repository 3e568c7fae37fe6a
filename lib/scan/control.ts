/**
 * How a hidden block meets keyboards and screen readers. While hidden, the block's
 * content is `aria-hidden` and the links and buttons inside it leave the tab order,
 * so nothing in a spoiler can be reached or read. Right before it sits the extension's
 * own reveal control: a real button (in a shadow root, so the page's styles cannot
 * touch it), visually hidden until it has focus, named for the show the block
 * is about — never the matched term. The block's `title` gives the same wording on
 * hover; a revealed block's `title` says how to hide it again. Every attribute the
 * page had is kept and put back.
 */
import { OWN_UI_ATTRIBUTE } from './own-ui';
import type { Hideable } from './state';

const GUARDED_ATTRIBUTES = ['aria-hidden', 'title'] as const;
const INNER_FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';
/** The tag of the reveal control (a valid custom element name, never registered). */
export const CONTROL_TAG = 'plot-armor-reveal';

type Saved = Map<Element, Record<string, string | null>>;
const saved = new WeakMap<Element, Saved>();
const controls = new WeakMap<Hideable, HTMLElement>();
const blocksOfControls = new WeakMap<Element, Hideable>();
const revealedTitles = new WeakMap<Element, string | null>();
/** Sets the text (and so the accessible name) of a control's button. */
const labels = new WeakMap<Element, (label: string) => void>();

/** The accessible name of a hidden block's reveal control. */
export function revealLabel(titles: string): string {
  return `Possible spoiler for ${titles} — reveal`;
}

/** The hover hint on a revealed block. */
export const REHIDE_HINT = 'Revealed by Plot Armor — Alt+click to hide it again';

const CONTROL_CSS = [
  ':host{all:initial;position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}',
  ':host(:focus-within){width:auto;height:auto;overflow:visible;clip-path:none;z-index:2147483647}',
  'button{font:600 13px/1.2 system-ui,sans-serif;color:#fff;background:#6d28d9;border:0;border-radius:2em;padding:6px 12px;cursor:pointer}',
  'button:focus-visible{outline:3px solid #fbbf24;outline-offset:2px}',
].join('');

function remember(store: Saved, el: Element, names: readonly string[]): void {
  if (store.has(el)) return;
  const values: Record<string, string | null> = {};
  for (const name of names) values[name] = el.getAttribute(name);
  store.set(el, values);
}

function createControl(block: Hideable): HTMLElement {
  const doc = block.ownerDocument!;
  const host = doc.createElement(CONTROL_TAG);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CONTROL_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  root.append(style, button);
  blocksOfControls.set(host, block);
  labels.set(host, (label) => {
    if (button.textContent !== label) button.textContent = label;
  });
  return host;
}

/**
 * Hides a block from assistive technology and puts its reveal control right before it
 * (hidden text only gets the control: a text node has no attributes).
 * Cheap to call again: it only writes what changed (a new label, a moved block).
 */
export function guard(block: Hideable, titles: string): void {
  const label = revealLabel(titles);
  if (block.nodeType === 1) guardElement(block as Element, label);
  let control = controls.get(block);
  if (!control) {
    control = createControl(block);
    controls.set(block, control);
  }
  labels.get(control)?.(label);
  if (block.previousSibling !== control && block.parentNode) block.parentNode.insertBefore(control, block);
}

function guardElement(block: Element, label: string): void {
  let store = saved.get(block);
  if (!store) {
    store = new Map();
    saved.set(block, store);
    remember(store, block, GUARDED_ATTRIBUTES);
    const inner = [...block.querySelectorAll(INNER_FOCUSABLE)];
    // A hidden link or button is itself out of the tab order: its control stands in for it.
    if (block.matches(INNER_FOCUSABLE)) inner.unshift(block);
    inner.forEach((inner) => {
      remember(store!, inner, ['tabindex']);
      inner.setAttribute('tabindex', '-1');
    });
    block.setAttribute('aria-hidden', 'true');
  }
  if (block.getAttribute('title') !== label) block.setAttribute('title', label);
}

/** Gives back every attribute the page had on the block and inside it, and removes its control. */
export function unguard(block: Hideable): void {
  const store = block.nodeType === 1 ? saved.get(block as Element) : undefined;
  if (store) {
    saved.delete(block as Element);
    for (const [el, values] of store) {
      for (const [name, value] of Object.entries(values)) {
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
      }
    }
  }
  controls.get(block)?.remove();
  controls.delete(block);
}

/** The block (or hidden text) a reveal control belongs to, if `el` is one. */
export function blockOfControl(el: Element): Hideable | null {
  return blocksOfControls.get(el) ?? null;
}

/** Whether the extension currently manages `el`'s attributes. */
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
