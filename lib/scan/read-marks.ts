/**
 * Which scanning pass last read each element (and root). Kept as a property of the
 * content script's own wrapper of the node, under a symbol: in an extension's isolated
 * world (Chromium) or behind Xray wrappers (Firefox) the page never sees it, and it
 * costs far less than a WeakMap entry per element of a large page.
 */
export interface ReadMarks {
  /** Marks `node` as read in pass `pass`. */
  set(node: Node, pass: number): void;
  /** The pass that last read `node`; undefined if none did. */
  get(node: Node): number | undefined;
}

/** A fresh set of marks (one per scanner, so two scanners of one page never mix theirs). */
export function createReadMarks(): ReadMarks {
  // No description: it would only be bytes in every frame.
  const key = Symbol();
  type Marked = Node & { [key]?: number };
  return {
    set(node, pass) {
      (node as Marked)[key] = pass;
    },
    get(node) {
      return (node as Marked)[key];
    },
  };
}
