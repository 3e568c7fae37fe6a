/**
 * The page scanner: finds the blocks that mention a watched show and hides them.
 *
 * Map of this module:
 * - `enqueue` / the MutationObserver callback only queue what changed;
 * - `flush` runs once per microtask checkpoint — before the browser can paint what the
 *   parser or a script just inserted — and does one read phase (collect every unit's
 *   text) followed by one write phase (set attributes), so styles are never forced
 *   element by element;
 * - a burst larger than `BURST_LIMIT` nodes becomes one full rescan.
 */
import type { Matcher } from '../match/compile';
import { createBlockFinder } from './block';
import { isControlled } from './control';
import { collect, isSkipped, type Collected } from './collect';
import { hide, rehide, reveal, stateOf, unhide } from './state';
import { LABEL_ATTRIBUTES } from './tags';

/**
 * Above this many queued nodes, one full rescan replaces the queue. Handling queued
 * nodes costs about as much per node as a rescan does, and a rescan re-reads what was
 * already read (during parsing: the whole page so far, every chunk), so the limit is
 * high: it only bounds the queue's memory on pathological bursts.
 */
export const BURST_LIMIT = 50_000;


/** Whether `node` is one of `roots` or inside one (across shadow roots: a shadow root is a node of the chain). */
function isWithin(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let cur: Node | null = node; cur; cur = cur.parentNode) {
    if (roots.has(cur)) return true;
  }
  return false;
}

export interface ScannerOptions {
  doc: Document;
  win?: Window & typeof globalThis;
  /** Stops observing; the blocks stay as they are. */
  signal: AbortSignal;
  /** Called after a pass that changed how many blocks are hidden. */
  onCountChange?: (count: number) => void;
  /** Called once for each open shadow root the scanner starts watching. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

export interface Scanner {
  /** Sets the terms to hide (null: hide nothing, e.g. the site is paused) and re-evaluates the page. */
  setMatcher(matcher: Matcher | null): void;
  /** Reveals every hidden block; returns how many. */
  revealAll(): number;
  /** Marks one hidden block as revealed by the user. */
  reveal(el: Element): boolean;
  /** Hides a block the user had revealed, again. */
  rehide(el: Element): boolean;
  /** How many blocks are hidden now. */
  hiddenCount(): number;
  /** Starts watching an open shadow root attached after its host was scanned. */
  addShadowRoot(root: ShadowRoot): void;
  /** Runs the pending pass now (tests, and the first pass before the page is shown). */
  flush(): void;
}

/** Creates a scanner watching `doc` (and the open shadow roots it finds) until `signal` aborts. */
export function createScanner(options: ScannerOptions): Scanner {
  const { doc, signal } = options;
  const win = options.win ?? (doc.defaultView as (Window & typeof globalThis) | null) ?? globalThis.window;
  let matcher: Matcher | null = null;
  const roots = new Set<Document | ShadowRoot>([doc]);
  const hidden = new Set<Element>();
  const queue = new Set<Node>();
  /** Child-list changes not yet handled. */
  let childLists: MutationRecord[] = [];
  let rescan = true;
  let scheduled = false;
  let lastCount = 0;

  let stopped = false;
  /** Queues a node; the caller schedules the pass (once per batch, not per node). */
  const enqueue = (node: Node): void => {
    if (rescan) return;
    queue.add(node);
    if (queue.size > BURST_LIMIT) {
      rescan = true;
      queue.clear();
    }
  };

  const schedule = (): void => {
    if (scheduled || stopped) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!stopped) flush();
    });
  };

  const observer = new win.MutationObserver((records) => {
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const type = record.type;
      if (type === 'childList') {
        // Read in the pass: most child-list changes happen inside a paragraph, whose
        // unit covers every added node, so their node lists are never touched.
        childLists.push(record);
        if (childLists.length > BURST_LIMIT) {
          rescan = true;
          childLists = [];
        }
      } else if (type === 'characterData' || !isControlled(record.target as Element)) {
        // Attribute changes on blocks the extension controls are its own writes.
        enqueue(record.target);
      }
    }
    schedule();
  });
  const observe = (root: Document | ShadowRoot): void => {
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...LABEL_ATTRIBUTES],
    });
  };
  observe(doc);
  signal.addEventListener(
    'abort',
    () => {
      stopped = true;
      observer.disconnect();
    },
    { once: true },
  );

  /** The nodes to read in this pass: whole roots, or the units around what changed. */
  const watchRoot = (shadow: ShadowRoot): boolean => {
    if (roots.has(shadow)) return false;
    roots.add(shadow);
    observe(shadow);
    options.onShadowRoot?.(shadow);
    return true;
  };

  const targetsOf = (finder: ReturnType<typeof createBlockFinder>): Node[] => {
    if (rescan) {
      rescan = false;
      queue.clear();
      childLists = [];
      return [...roots];
    }
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
    const records = childLists;
    childLists = [];
    // Units whose content changed (checked for connection and skipping once each, below).
    const changedUnits = new Set<Element>();
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const parent = record.target;
      // Inside a unit, the unit covers what was added or removed (removed text can
      // change what a paragraph says); a container's own change alters no block.
      const unit = parent.nodeType === 1 ? finder.unitOf(parent) : null;
      if (unit) {
        changedUnits.add(unit);
        continue;
      }
      const added = record.addedNodes;
      for (let j = 0; j < added.length; j++) queue.add(added[j]!);
    }
    for (const unit of changedUnits) {
      if (unit.isConnected && !skipped(unit)) picked.add(unit);
    }
    for (const node of queue) {
      if (!node.isConnected) continue;
      if (node.nodeType === 11) {
        picked.add(node);
        continue;
      }
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || skipped(el)) continue;
      const unit = finder.unitOf(node);
      if (unit) picked.add(unit);
      else if (node.nodeType === 1 && node !== doc.documentElement && node !== doc.body) picked.add(node);
      else if (node.nodeType === 1) picked.add(doc);
    }
    queue.clear();
    // Collapse: a target inside another target is read with it. Whether a node is or
    // sits inside a target is remembered, so siblings share one walk up.
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
  };

  const flush = (): void => {
    if (!matcher || matcher.empty) {
      queue.clear();
      rescan = true;
      for (const el of hidden) unhide(el);
      hidden.clear();
      report();
      return;
    }
    const finder = createBlockFinder(win);
    const collected: Collected = { units: new Map(), labelled: new Map(), shadowRoots: [] };
    const matched = new Set<Element>();
    const targets = targetsOf(finder);
    // Read phase.
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]!;
      collect(target, finder, collected);
      for (const shadow of collected.shadowRoots.splice(0)) {
        if (watchRoot(shadow)) targets.push(shadow);
      }
    }
    // Match, then write phase.
    const current = matcher;
    const decide = (el: Element, text: string): void => {
      const lists = current.match(text);
      if (lists.length === 0) return;
      hide(el, lists.map((list) => list.title));
      // A block the user revealed stays revealed, and does not count as hidden.
      if (stateOf(el) === 'hidden') {
        matched.add(el);
        hidden.add(el);
      }
    };
    collected.units.forEach((text, el) => decide(el, text));
    collected.labelled.forEach((text, el) => decide(el, text));
    // Blocks hidden before, inside what was read, that no longer match: show them again.
    if (hidden.size > matched.size) {
      const read = new Set<Node>(targets);
      for (const el of hidden) {
        if (matched.has(el) || !isWithin(el, read)) continue;
        unhide(el);
        hidden.delete(el);
      }
    }
    report();
  };

  const report = (): void => {
    for (const el of hidden) {
      if (el.isConnected) continue;
      // Removed by the page: forget it and take its reveal control away too. If the page
      // puts it back, it is read again as a new node.
      unhide(el);
      hidden.delete(el);
    }
    if (hidden.size !== lastCount) {
      lastCount = hidden.size;
      options.onCountChange?.(lastCount);
    }
  };

  return {
    setMatcher(next) {
      matcher = next;
      rescan = true;
      flush();
    },
    revealAll() {
      let count = 0;
      for (const el of hidden) if (reveal(el)) count++;
      hidden.clear();
      report();
      return count;
    },
    reveal(el) {
      if (!reveal(el)) return false;
      hidden.delete(el);
      report();
      return true;
    },
    rehide(el) {
      if (!rehide(el)) return false;
      hidden.add(el);
      report();
      return true;
    },
    addShadowRoot(shadow) {
      if (!watchRoot(shadow)) return;
      enqueue(shadow);
      schedule();
    },
    hiddenCount() {
      report();
      return hidden.size;
    },
    flush() {
      scheduled = false;
      flush();
    },
  };
}
