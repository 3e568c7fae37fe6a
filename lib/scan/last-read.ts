/**
 * Where the scanner's last read of the document ended. While a page streams in, the
 * parser only ever appends after that point, so each pass can read on from there
 * instead of reading the parser's changes one by one (see `change-queue.ts`, which
 * tells such appends apart by the path from the document down to that point).
 */
import type { BlockFinder } from './block';
import { isSkipped } from './collect';

export interface LastRead {
  /** The node the last read of the document ended on, and its ancestors. */
  spine(): ReadonlySet<Node>;
  /** Records the node a read of the document (to its end) ended on. */
  endedAt(node: Node): void;
  /**
   * Where to read on from: the unit holding the end (its text may have grown), or the
   * end itself; after the queued target holding it, if one does (read already).
   * Undefined when the end left the document or went into a subtree that is never read
   * (then the whole document is read); null when nothing follows the queued target.
   */
  resumePoint(finder: BlockFinder, queued: ReadonlySet<Node>): Node | null | undefined;
}

/** Creates the record for `doc`, with no read yet. */
export function createLastRead(doc: Document): LastRead {
  let end: Node | null = null;
  let spine = new Set<Node>();
  let spineOf: Node | null = null;
  return {
    spine() {
      if (end !== spineOf) {
        spineOf = end;
        spine = new Set();
        for (let n = end; n; n = n.parentNode) spine.add(n);
      }
      return spine;
    },
    endedAt(node) {
      end = node;
    },
    resumePoint(finder, queued) {
      if (!end || end.getRootNode() !== doc) return undefined;
      const start: Node = finder.unitOf(end) ?? end;
      let after: Node | null = null;
      for (let n: Node | null = start; n && n !== doc; n = n.parentNode) {
        if (queued.has(n)) after = n;
        else if (n !== start && n.nodeType === 1 && isSkipped(n as Element)) return undefined;
      }
      if (!after) return start;
      // Past the queued target's subtree, in document order.
      let n: Node | null = after;
      while (n && n !== doc && !n.nextSibling) n = n.parentNode;
      return n && n !== doc ? n.nextSibling : null;
    },
  };
}
