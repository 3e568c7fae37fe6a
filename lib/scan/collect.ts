import type { BlockFinder } from './block';
import { originalAttribute } from './control';
import { IGNORED_TAGS } from './tags';

/** What one read of a subtree found: the text of each unit, labelled elements, shadow roots. */
export interface Collected {
  /** Each unit with its text as it reads, inline elements joined. */
  readonly units: Map<Element, string>;
  /** Images, links and buttons with their `alt`/`title`/`aria-label` text. */
  readonly labelled: Map<Element, string>;
  /** Open shadow roots met on the way (to be scanned and observed as roots of their own). */
  readonly shadowRoots: ShadowRoot[];
}

/** Attribute marking the extension's own UI, which is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-plot-armor-ui';

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** Whether an element's subtree is never read: code, form fields, editable regions, our UI. */
export function isSkipped(el: Element): boolean {
  if (IGNORED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  // What the user is typing is theirs: `contenteditable`, `=""`, `=true`, `=plaintext-only`.
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether `el` sits inside a subtree the scanner skips (checked for incremental scans). */
export function isInsideSkipped(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (isSkipped(cur)) return true;
  }
  return false;
}

function labelOf(el: Element): string | null {
  const tag = el.tagName.toUpperCase();
  let label = '';
  if (tag === 'IMG' || tag === 'AREA') {
    label = `${el.getAttribute('alt') ?? ''} ${originalAttribute(el, 'title') ?? ''}`;
  } else if (tag === 'A' || tag === 'BUTTON' || originalAttribute(el, 'role') === 'button') {
    label = `${originalAttribute(el, 'aria-label') ?? ''} ${originalAttribute(el, 'title') ?? ''}`;
  } else {
    return null;
  }
  return label.trim() === '' ? null : label;
}

/**
 * Reads the subtree under `root` (root included) in document order. Only reads:
 * it never writes to the DOM, so a pass can read everything before writing anything.
 */
export function collect(root: Node, finder: BlockFinder, into?: Collected): Collected {
  const out: Collected = into ?? { units: new Map(), labelled: new Map(), shadowRoots: [] };
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return out;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  let node: Node | null = root;
  while (node) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.trim() !== '') {
        const unit = finder.unitOf(node);
        if (unit) out.units.set(unit, (out.units.get(unit) ?? '') + data);
      }
      node = walker.nextNode();
      continue;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isSkipped(el)) {
        node = skipSubtree(walker, root);
        continue;
      }
      if (el.tagName === 'BR') {
        const unit = finder.unitOf(el);
        if (unit && out.units.has(unit)) out.units.set(unit, `${out.units.get(unit)} `);
      }
      const label = labelOf(el);
      if (label !== null) out.labelled.set(el, label);
      if (el.shadowRoot) out.shadowRoots.push(el.shadowRoot);
    }
    node = walker.nextNode();
  }
  return out;
}

/** Moves the walker past the current node's subtree, staying within `root`. */
function skipSubtree(walker: TreeWalker, root: Node): Node | null {
  if (walker.currentNode === root) return null;
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    const parent = walker.parentNode();
    if (!parent || parent === root) return null;
  }
}
