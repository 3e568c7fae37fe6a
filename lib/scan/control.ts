/**
 * How a hidden block meets keyboards and screen readers. While hidden, the block's
 * content is `aria-hidden` and the links and buttons inside it leave the tab order,
 * so nothing in a spoiler can be reached or read. Before it sits the extension's own
 * reveal control: a real button in a closed shadow root (neither the page's styles nor
 * its scripts can reach it: its name says which show the block is about, and what a
 * user watches is none of the page's business), visually hidden until it has focus.
 * The block's `title` says, in words the same for every show, that it can be
 * revealed; a revealed block's `title` says how to hide it again (the words, in the
 * browser's language, are in `words.ts`).
 *
 * These are stateless helpers: what one scanner wrote, and the page's own values it
 * replaced, are kept in that scanner's ledger (`ledger.ts`).
 */
import { CONTROL_TAG, OWN_UI_ATTRIBUTE } from './attributes';
import { tagOf, tags } from './tags';

const CONTROL = CONTROL_TAG.toUpperCase();
const INNER_FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';

/** The page's own values of the attributes the extension changed, per element. */
export type SavedAttributes = Map<Element, Record<string, string | null>>;

/** A reveal control: its host element (what the page sees) and a setter for its button's name. */
export interface Control {
  readonly host: HTMLElement;
  setLabel(label: string): void;
}

// `!important` in :host wins over any page rule on the host: the control never takes
// room, whatever the page's styles say about custom elements or `*`.
const CONTROL_CSS = [
  ':host{all:initial!important;position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important}',
  ':host(:focus-within){width:auto!important;height:auto!important;overflow:visible!important;clip-path:none!important;z-index:2147483647!important}',
  'button{font:600 13px/1.2 system-ui,sans-serif;color:#fff;background:#6d28d9;border:0;border-radius:2em;padding:6px 12px;cursor:pointer}',
  'button:focus-visible{outline:3px solid #fbbf24;outline-offset:2px}',
].join('');

/** One constructed sheet per document, shared by all its controls (none where unsupported). */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();
function controlSheet(doc: Document): CSSStyleSheet | null {
  let sheet = sheets.get(doc);
  if (sheet === undefined) {
    try {
      sheet = new doc.defaultView!.CSSStyleSheet();
      sheet.replaceSync(CONTROL_CSS);
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  return sheet;
}

/** Creates a reveal control for a block of `doc` (not yet in the page). */
export function createControl(doc: Document): Control {
  const host = doc.createElement(CONTROL_TAG);
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = controlSheet(doc);
  if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [sheet];
  else {
    const style = doc.createElement('style');
    style.textContent = CONTROL_CSS;
    root.append(style);
  }
  const button = doc.createElement('button');
  button.type = 'button';
  root.append(button);
  return {
    host,
    setLabel(label) {
      if (button.textContent !== label) button.textContent = label;
    },
  };
}

/**
 * Parents in which a control would be invalid or would change the layout: table parts
 * (the browser would make it a cell), lists (`ul`/`ol` hold only `li`), `dl`, `select`,
 * `picture`, and interactive elements (a button inside a link). The control goes
 * before the nearest ancestor whose parent takes it.
 */
const NO_CONTROL_INSIDE = tags(
  'TABLE THEAD TBODY TFOOT TR COLGROUP UL OL MENU DL SELECT OPTGROUP DATALIST PICTURE RUBY HGROUP A BUTTON LABEL HTML',
);

/** Whether an element may not hold a control. */
const refuses = (node: Node | null): boolean =>
  node?.nodeType === 1 && NO_CONTROL_INSIDE.has(tagOf(node as Element));

/** Whether `node` is one of the extension's reveal controls. */
export const isControl = (node: Node): boolean => node.nodeType === 1 && tagOf(node as Element) === CONTROL;

/** Whether nothing of the page stands at or before `before` in its parent (white space and the extension's controls aside). */
function comesFirst(before: ChildNode | null): boolean {
  for (; before; before = before.previousSibling) {
    if (before.nodeType === 1 ? !isControl(before) : before.nodeType === 3 && before.nodeValue!.trim()) return false;
  }
  return true;
}

/** Where the reveal controls of hidden blocks go, and putting them there. */
export interface Placement {
  /**
   * The node a block's control stands right before: the block, or the nearest ancestor
   * where a control is valid. Nor does it stand first in a parent: pages set first
   * children apart (`:first-child{margin-top:0}`), and a control before the first would
   * take that from it and change the layout. Before an ancestor whose first content the
   * block is, it is just as much right before the block for keyboards and screen readers
   * (the block is `aria-hidden`, its links out of the tab order). Before something that
   * is not first, no `:first-child` or `:last-child` changes. It stays inside a table
   * cell or list item, and before a child of `body`.
   */
  anchorOf(block: Node): ChildNode;
  /**
   * Puts `control` before `anchor`, among the controls already standing there (the
   * hidden items of one list, or cells of one table, share one anchor: the list, the
   * table). Writes only when it is not already there, so calling it on every pass costs
   * no mutation.
   */
  place(control: Element, anchor: ChildNode): void;
}

/**
 * A placement for the writes of one pass. The controls standing before a node are read
 * once per pass, not once per control: a feed whose 2,000 hidden items all put their
 * controls before one list would otherwise walk the controls already there for each new
 * one, 2,000² steps. What it read is only good while nothing else moves the page, so it
 * must not outlive the pass (the page can move anything between passes).
 */
export function createPlacement(): Placement {
  /** Per node read in this pass: the controls standing right before it, and the nearest sibling before them that is not one. */
  const runs = new Map<ChildNode, [controls: Set<Node>, before: ChildNode | null]>();
  const runBefore = (node: ChildNode): [Set<Node>, ChildNode | null] => {
    let run = runs.get(node);
    if (!run) {
      const controls = new Set<Node>();
      let before = node.previousSibling;
      for (; before && isControl(before); before = before.previousSibling) controls.add(before);
      runs.set(node, (run = [controls, before]));
    }
    return run;
  };
  return {
    anchorOf(block) {
      let node = block as ChildNode;
      for (let parent = node.parentNode; parent?.nodeType === 1; parent = node.parentNode) {
        if (!refuses(parent) && (refuses(parent.parentNode) || !comesFirst(runBefore(node)[1]))) break;
        node = parent as Element;
      }
      return node;
    },
    // A control is placed once per pass (a block is hidden once per pass), so one that
    // moved to another anchor is not looked for again where it stood.
    place(control, anchor) {
      const parent = anchor.parentNode;
      const [controls] = runBefore(anchor);
      if (parent && !(controls.has(control) && control.parentNode === parent)) {
        parent.insertBefore(control, anchor);
        controls.add(control);
      }
    },
  };
}

function remember(store: SavedAttributes, el: Element, names: readonly string[]): void {
  let values = store.get(el);
  if (!values) store.set(el, (values = {}));
  // A focusable block is remembered twice (its own attributes, then its `tabindex`): keep the first value of each.
  for (const name of names) if (!(name in values)) values[name] = el.getAttribute(name);
}

/**
 * Hides a block from assistive technology, takes what is inside it out of the tab order
 * and gives it the hover hint `hint`; returns the page's own values it replaced.
 */
export function guardElement(block: Element, hint: string): SavedAttributes {
  const store: SavedAttributes = new Map();
  // A title of the page's own may name the show, and shows on hover: it gives way to the
  // hint. A block with none gets none: pages style `[title]` (and show `attr(title)`),
  // so adding one can change the layout.
  const titled = block.hasAttribute('title');
  remember(store, block, titled ? ['aria-hidden', 'title'] : ['aria-hidden']);
  const inner = [...block.querySelectorAll(INNER_FOCUSABLE)];
  // A hidden link or button is itself out of the tab order: its control stands in for it.
  if (block.matches(INNER_FOCUSABLE)) inner.unshift(block);
  for (const el of inner) {
    remember(store, el, ['tabindex']);
    el.setAttribute('tabindex', '-1');
  }
  block.setAttribute('aria-hidden', 'true');
  if (titled) block.setAttribute('title', hint);
  return store;
}

/** Gives back every attribute value the page had. */
export function restoreAttributes(store: SavedAttributes): void {
  for (const [el, values] of store) {
    for (const [name, value] of Object.entries(values)) {
      if (value === null) el.removeAttribute(name);
      else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
  }
}
