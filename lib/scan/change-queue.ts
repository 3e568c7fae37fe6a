/**
 * What changed in a page since the scanner's last pass, and which nodes that pass must
 * read because of it. The MutationObserver callback only hands records over; the work
 * of turning them into nodes to read happens in `take`, once per pass.
 */
import type { BlockFinder } from './block';
import { isSkipped } from './collect';
import type { ReadMarks } from './read-marks';

/**
 * Above this many queued changes, one full rescan replaces the queue. Handling a queued
 * node costs about as much as reading it in a rescan, and a rescan re-reads what was
 * already read (during parsing: the whole page so far, every chunk), so the limit is
 * high: it only bounds the queue's memory on pathological bursts.
 */
export const BURST_LIMIT = 50_000;

/** What the scanner has read so far, which lets most changes during parsing go unread. */
export interface ReadState {
  /** The pass in which each element and root was last read (never read: absent). */
  readonly seen: ReadMarks;
  /**
   * The last node of the document the scanner read, with its ancestors: a node appended
   * to one of them comes after everything read, and is found by reading on from there.
   */
  readonly spine: ReadonlySet<Node>;
}

/** What one pass reads. */
export interface Taken {
  /** Nodes whose subtrees to read, none inside another. */
  targets: Node[];
  /** Whether to read on from where the last read of the document ended. */
  tail: boolean;
}

export interface ChangeQueue {
  /**
   * Takes a MutationObserver batch (nothing is read from the DOM here); `childList`: from
   * an observer of child lists only, so no record's type needs reading.
   */
  record(records: readonly MutationRecord[], childList?: boolean): void;
  /** Queues one node to read, e.g. a shadow root the page hook reported. */
  node(node: Node): void;
  /** Makes the next pass read every root again. */
  rescanAll(): void;
  /**
   * Empties the queue into what to read now: `roots` after `rescanAll`, else the units
   * around what changed, with any node inside another left out, and whether something
   * was appended after what was read (`tail`). While a page streams in, nearly every
   * change is the parser appending: those are read from where the last read ended,
   * without reading the changes themselves.
   */
  take(finder: BlockFinder, doc: Document, roots: Iterable<Node>, read: ReadState, isOwn?: (el: Element) => boolean): Taken;
}

/** Creates an empty queue that starts with a full rescan pending. */
export function createChangeQueue(): ChangeQueue {
  let rescan = true;
  let nodes = new Set<Node>();
  let childLists: MutationRecord[] = [];
  let attributes: Element[] = [];

  const node = (n: Node): void => {
    if (rescan) return;
    nodes.add(n);
    if (nodes.size > BURST_LIMIT) rescanAll();
  };
  const rescanAll = (): void => {
    rescan = true;
    nodes = new Set();
    childLists = [];
    attributes = [];
  };

  return {
    record(records, childList) {
      if (rescan) return;
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!;
        const type = childList ? 'childList' : record.type;
        if (type === 'childList') {
          // Read in `take`: most child-list changes happen inside a paragraph, whose
          // unit covers every added node, so their node lists are never touched.
          childLists.push(record);
        } else if (type === 'characterData') node(record.target);
        else attributes.push(record.target as Element);
      }
      if (childLists.length + attributes.length > BURST_LIMIT) rescanAll();
    },
    node,
    rescanAll,
    take(finder, doc, roots, read, isOwn) {
      if (rescan) {
        rescan = false;
        nodes = new Set();
        childLists = [];
        attributes = [];
        return { targets: [...roots], tail: false };
      }
      let tail = false;
      const queued = nodes;
      const records = childLists;
      // Attribute changes on blocks the extension controls are its own writes.
      for (const el of attributes) if (!isOwn?.(el)) queued.add(el);
      nodes = new Set();
      childLists = [];
      attributes = [];
      const picked = new Set<Node>();
      // Whether an element is inside a skipped subtree, remembered for this pass.
      const skipMemo = new Map<Element, boolean>();
      const skipped = (el: Element): boolean => {
        let known = skipMemo.get(el);
        if (known === undefined) {
          const parent = el.parentElement;
          known = isSkipped(el) || (parent !== null && skipped(parent));
          skipMemo.set(el, known);
        }
        return known;
      };
      // Units whose content changed (checked for connection and skipping once each).
      const changedUnits = new Set<Element>();
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!;
        const parent = record.target;
        // A node never read is new since the last pass: it is read with whatever holds
        // it (added to a node read before, or appended after the last read).
        if (read.seen.get(parent) === undefined) continue;
        if (read.spine.has(parent) && record.nextSibling === null) {
          tail = true;
          continue;
        }
        // Inside a unit, the unit covers what was added or removed (removed text can
        // change what a paragraph says); a container's own change alters no block.
        const unit = parent.nodeType === 1 ? finder.unitOf(parent) : null;
        if (unit) {
          changedUnits.add(unit);
          continue;
        }
        const added = record.addedNodes;
        for (let j = 0; j < added.length; j++) queued.add(added[j]!);
      }
      for (const unit of changedUnits) {
        if (unit.isConnected && !skipped(unit)) picked.add(unit);
      }
      for (const n of queued) {
        if (!n.isConnected) continue;
        if (n.nodeType === 11) {
          picked.add(n);
          continue;
        }
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        if (!el || skipped(el)) continue;
        const unit = finder.unitOf(n);
        if (unit) picked.add(unit);
        else if (n.nodeType !== 1) picked.add(n); // text with no unit: read as text of its own
        else if (n !== doc.documentElement && n !== doc.body) picked.add(n);
        else picked.add(doc);
      }
      return { targets: withoutNested(picked), tail };
    },
  };
}

/**
 * The nodes of `picked` that are not inside another one. Whether a node is or sits
 * inside a picked one is remembered, so siblings share one walk up.
 */
function withoutNested(picked: ReadonlySet<Node>): Node[] {
  const covered = new Map<Node, boolean>();
  const isCovered = (node: Node): boolean => {
    let known = covered.get(node);
    if (known === undefined) {
      const parent = node.parentNode;
      known = picked.has(node) || (parent !== null && isCovered(parent));
      covered.set(node, known);
    }
    return known;
  };
  return [...picked].filter((node) => {
    const parent = node.parentNode;
    return parent === null || !isCovered(parent);
  });
}
