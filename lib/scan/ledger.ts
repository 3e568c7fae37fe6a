/**
 * The write side of one scanner: everything it wrote into a page, in one place.
 * For each block (or text) it hid or the user revealed, the ledger keeps its state, the
 * show titles it is about, its reveal control, the page's own attribute values it
 * replaced, and for text its range in the highlight. Nothing of it is kept in the
 * page: the page sees `data-plot-armor` and generic wording only. `clear` walks the
 * ledger and undoes everything, which is how a scanner stops without leaving the page
 * broken.
 */
import { PART_ATTRIBUTE, STATE_ATTRIBUTE, type BlockState, type Hideable } from './attributes';
import { createControl, createPlacement, guardElement, restoreAttributes, type Control, type Placement, type SavedAttributes } from './control';
import { highlightOf } from './text-hiding';
import type { PageWords } from './words';

interface Entry {
  state: BlockState;
  /** The show titles, comma-separated (the control's name; never written where the page can read it). */
  label: string;
  control: Control;
  /** The page's own values of the attributes written on and inside the block. */
  saved: SavedAttributes;
  /** Hidden text only: its range in the highlight. */
  range: Range | null;
  /** The pictures of the block's item, hidden and revealed with it. */
  parts: Element[];
}

export interface Ledger {
  /** The state the scanner gave `node`, if any. */
  stateOf(node: Hideable): BlockState | null;
  /** The show titles `node` was hidden for. */
  labelOf(node: Hideable): string | null;
  /**
   * Hides `node` for `titles`, with the pictures of its item (`parts`), unless the user
   * revealed it; true if it was not hidden before.
   */
  hide(node: Hideable, titles: readonly string[], parts?: readonly Element[]): boolean;
  /** Shows a hidden node again and forgets it (it no longer matches). */
  unhide(node: Hideable): void;
  /** Marks a hidden node as revealed by the user. */
  reveal(node: Hideable): boolean;
  /** Hides a node the user had revealed, again. */
  rehide(node: Hideable): boolean;
  /** The node a reveal control (its host, as events see it) or a hidden picture belongs to. */
  blockOfControl(el: Element): Hideable | null;
  /** Whether the ledger has written attributes on `el` (its attribute changes are the scanner's own). */
  isControlled(el: Element): boolean;
  /** An attribute as the page set it, even while the scanner has replaced it. */
  originalAttribute(el: Element, name: string): string | null;
  /** Gives back and forgets every node that left the document. */
  prune(): void;
  /** Undoes everything the ledger wrote, and forgets it all. */
  clear(): void;
}

/** Creates an empty ledger; what it writes into the page is worded by `words`. */
export function createLedger(words: PageWords): Ledger {
  const entries = new Map<Hideable, Entry>();
  const controls = new WeakMap<Element, Hideable>();
  /** Each hidden picture's block. */
  const owners = new WeakMap<Element, Hideable>();

  const isText = (node: Hideable): node is Text => node.nodeType === 3;

  // Where controls go, read once per pass (see createPlacement): dropped in the next
  // microtask, once this pass's writes are done and before the page can move anything.
  let placement: Placement | null = null;
  const place = (node: Hideable, entry: Entry): void => {
    entry.control.setLabel(words.revealLabel(entry.label));
    if (!placement) {
      placement = createPlacement();
      queueMicrotask(() => (placement = null));
    }
    placement.place(entry.control.host, placement.anchorOf(node));
  };

  const cover = (text: Text, entry: Entry, hidden: boolean): void => {
    const highlight = highlightOf(text.ownerDocument);
    // The text may have grown since (the parser appends to it): cover all of it.
    entry.range!.selectNodeContents(text);
    if (hidden) highlight?.add(entry.range!);
    else highlight?.delete(entry.range!);
  };

  /** Undoes everything written for `node`, in any state. */
  const release = (node: Hideable, entry: Entry): void => {
    restoreAttributes(entry.saved);
    if (isText(node)) highlightOf(node.ownerDocument)?.delete(entry.range!);
    else node.removeAttribute(STATE_ATTRIBUTE);
    for (const part of entry.parts) {
      part.removeAttribute(STATE_ATTRIBUTE);
      part.removeAttribute(PART_ATTRIBUTE);
      owners.delete(part);
    }
    entry.control.host.remove();
    controls.delete(entry.control.host);
    entries.delete(node);
  };

  const hideAgain = (node: Hideable, entry: Entry): void => {
    entry.state = 'hidden';
    if (isText(node)) cover(node, entry, true);
    else {
      entry.saved = guardElement(node, words.hiddenHint);
      node.setAttribute(STATE_ATTRIBUTE, 'hidden');
    }
    for (const part of entry.parts) hidePart(part, entry);
    place(node, entry);
  };

  const hidePart = (part: Element, entry: Entry): void => {
    for (const [el, values] of guardElement(part, words.hiddenHint)) if (!entry.saved.has(el)) entry.saved.set(el, values);
    part.setAttribute(STATE_ATTRIBUTE, 'hidden');
    part.setAttribute(PART_ATTRIBUTE, 'picture');
  };

  /** Adds the pictures no other block has yet. */
  const claim = (node: Hideable, entry: Entry, parts: readonly Element[]): Element[] => {
    const added: Element[] = [];
    for (const part of parts) {
      if (owners.has(part) || entries.has(part)) continue;
      owners.set(part, node);
      entry.parts.push(part);
      added.push(part);
    }
    return added;
  };

  return {
    stateOf: (node) => entries.get(node)?.state ?? null,
    labelOf: (node) => entries.get(node)?.label ?? null,
    hide(node, titles, parts = []) {
      const label = titles.join(', ');
      let entry = entries.get(node);
      if (entry?.state === 'revealed') return false;
      if (entry) {
        entry.label = label;
        if (isText(node)) cover(node, entry, true);
        for (const part of claim(node, entry, parts)) hidePart(part, entry);
        place(node, entry);
        return false;
      }
      // A block that was a picture of another block's item is a block of its own now.
      const owner = node.nodeType === 1 ? owners.get(node as Element) : undefined;
      if (owner) {
        const ownerEntry = entries.get(owner)!;
        ownerEntry.parts = ownerEntry.parts.filter((part) => part !== node);
        owners.delete(node as Element);
        // Give back what was written on the picture and inside it, so its own values are the page's.
        const own: SavedAttributes = new Map();
        for (const [el, values] of ownerEntry.saved) {
          if (node === el || node.contains(el)) {
            own.set(el, values);
            ownerEntry.saved.delete(el);
          }
        }
        restoreAttributes(own);
        (node as Element).removeAttribute(PART_ATTRIBUTE);
      }
      const doc = node.ownerDocument!;
      const control = createControl(doc);
      entry = { state: 'hidden', label, control, saved: new Map(), range: isText(node) ? doc.createRange() : null, parts: [] };
      entries.set(node, entry);
      controls.set(control.host, node);
      claim(node, entry, parts);
      hideAgain(node, entry);
      return true;
    },
    unhide(node) {
      const entry = entries.get(node);
      if (entry?.state === 'hidden') release(node, entry);
    },
    reveal(node) {
      const entry = entries.get(node);
      if (entry?.state !== 'hidden') return false;
      entry.state = 'revealed';
      restoreAttributes(entry.saved);
      entry.saved = new Map();
      entry.control.host.remove();
      if (isText(node)) cover(node, entry, false);
      // A revealed block is the page's own again, its title too: only the state attribute stays.
      else node.setAttribute(STATE_ATTRIBUTE, 'revealed');
      for (const part of entry.parts) part.setAttribute(STATE_ATTRIBUTE, 'revealed');
      return true;
    },
    rehide(node) {
      const entry = entries.get(node);
      if (entry?.state !== 'revealed') return false;
      restoreAttributes(entry.saved);
      hideAgain(node, entry);
      return true;
    },
    blockOfControl: (el) => controls.get(el) ?? owners.get(el) ?? null,
    isControlled: (el) => entries.has(el) || owners.has(el),
    originalAttribute(el, name) {
      const values = entries.get(el)?.saved.get(el);
      return values && name in values ? (values[name] ?? null) : el.getAttribute(name);
    },
    prune() {
      for (const [node, entry] of entries) if (!node.isConnected) release(node, entry);
    },
    clear() {
      for (const [node, entry] of entries) release(node, entry);
    },
  };
}
