/**
 * The page scanner: finds the blocks that mention a watched show and hides them.
 *
 * Map of this module:
 * - the MutationObserver callback only hands its records to the change queue
 *   (`change-queue.ts`), which turns them into the nodes to read, once per pass;
 * - the scanner remembers what it has read (`read-marks.ts`) and where its last read
 *   of the document ended (`last-read.ts`): while a page streams in, the parser only
 *   appends after that point, so each pass reads on from there instead of reading the
 *   parser's changes one by one; changes anywhere else are read from their records;
 * - `flush` runs once per microtask checkpoint — before the browser can paint what the
 *   parser or a script just inserted — and does one read phase (collect every unit's
 *   text) followed by one write phase (set attributes), so styles are never forced
 *   element by element;
 * - the hidden set and its count, reveal and re-hide; everything written into the page
 *   is kept in the scanner's ledger (`ledger.ts`), which its stop undoes;
 * - the open shadow roots it watches are held only while they are in the document, so
 *   a page that creates and drops web components does not make it hold them all.
 */
import type { HideReason, Matcher } from '../match/compile';
import { createBlockFinder } from './block';
import { createChangeQueue } from './change-queue';
import { collect, collectToEnd, emptyCollected, matchUnit, type ReadScope } from './collect';
import { createLastRead } from './last-read';
import { createReadMarks } from './read-marks';
import type { BlockState, Hideable } from './attributes';
import { createLedger } from './ledger';
import { heroPicturesOf, isShortItem, itemOf, picturesIn } from './item';
import { movedByFilter } from './positioned';
import { createRevealMemory } from './reveal-memory';
import { dropEmptyHighlight } from './text-hiding';
import { LABEL_ATTRIBUTES } from './tags';
import type { PageWords } from './words';

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
  /** Stops observing and undoes everything the scanner wrote into the page. */
  signal: AbortSignal;
  /** The words it writes into the page (reveal controls' names, hover hints), in the browser's language. */
  words: PageWords;
  /** Called after a pass that changed how many blocks are hidden. */
  onCountChange?: (count: number) => void;
  /** Called once for each open shadow root the scanner starts watching. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called before the first text with no element of its own is hidden (text-hiding.ts). */
  onTextHidden?: () => void;
  /** Called when the page made the document an editor (`designMode`): nothing is written into it then. */
  onEditable?: () => void;
}

export interface Scanner {
  /** Sets the terms to hide (null: hide nothing, e.g. the site is paused) and re-evaluates the page. */
  setMatcher(matcher: Matcher | null): void;
  /** Reveals every hidden block; returns how many. */
  revealAll(): number;
  /** Marks one hidden block (or hidden text) as revealed by the user. */
  reveal(el: Hideable): boolean;
  /**
   * Why the block the user last revealed was hidden: each show with the term found and
   * what lay past the viewer's episode; null when nothing was revealed. Safe to tell:
   * they chose to read it. Answered only over the extension's messaging, never in the page.
   */
  why(): HideReason[] | null;
  /** Hides a block (or text) the user had revealed, again. */
  rehide(el: Hideable): boolean;
  /** How many blocks are hidden now. */
  hiddenCount(): number;
  /** Starts watching an open shadow root attached after its host was scanned. */
  addShadowRoot(root: ShadowRoot): void;
  /** Runs the pending pass now (tests, and the first pass before the page is shown). */
  flush(): void;
  /** The state the scanner gave `node`, if any. */
  stateOf(node: Hideable): BlockState | null;
  /** The block (or hidden text) a reveal control belongs to, if `el` is one. */
  blockOfControl(el: Element): Hideable | null;
  /** The show titles a hidden node is about (kept out of the page's reach). */
  labelOf(node: Hideable): string | null;
}

/** Whether the page made `doc` an editor (`designMode`): what the user types there is theirs. */
const isEditable = (doc: Document): boolean => doc.designMode === 'on';

/** Creates a scanner watching `doc` (and the open shadow roots it finds) until `signal` aborts. */
export function createScanner(options: ScannerOptions): Scanner {
  const { doc, signal } = options;
  const win = options.win ?? (doc.defaultView as (Window & typeof globalThis) | null) ?? globalThis.window;
  let matcher: Matcher | null = null;
  let lastRevealed: Hideable | null = null;
  // The shadow roots to read on a full rescan: only those in the document (see `prune`).
  const roots = new Set<Document | ShadowRoot>([doc]);
  const observed = new WeakSet<ShadowRoot>();
  const hidden = new Set<Hideable>();
  const ledger = createLedger(options.words);
  const memory = createRevealMemory();
  const changes = createChangeQueue();
  // What has been read (see ReadState): the pass each node was last read in, and where
  // the last read of the document ended.
  const seen = createReadMarks();
  const lastRead = createLastRead(doc);
  // Items hidden as one because they were short. A page that streams in may still be
  // filling one (an article read when only its headline had arrived): once it is no
  // longer short it is read again, so its blocks are judged one by one.
  const wholeItems = new Set<Element>();
  // Short items found to hold a box positioned outside them: from then on they are checked
  // before anything is written, so that hiding one whole is not written and undone each
  // time it is read (undoing it gives the page's attributes back, which reads as a change).
  const moving = new WeakSet<Element>();
  let pass = 0;
  let scheduled = false;
  let lastCount = 0;

  // Text with no element of its own is hidden through a CSS highlight, where there is one.
  const canHideText = !!win.CSS?.highlights;
  let textHidden = false;
  let stopped = false;
  const schedule = (): void => {
    if (scheduled || stopped) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!stopped) flush();
    });
  };

  // Two observers: one of child lists alone, so the parser's insertions while a page
  // streams in (tens of thousands of records on a long page) are queued without asking
  // each its type, and one of text and label changes.
  const watch = (childList?: boolean): MutationObserver =>
    new win.MutationObserver((records) => {
      changes.record(records, childList);
      schedule();
    });
  const insertions = watch(true);
  const edits = watch();
  const observe = (root: Document | ShadowRoot): void => {
    insertions.observe(root, { childList: true, subtree: true });
    edits.observe(root, { subtree: true, characterData: true, attributeFilter: [...LABEL_ATTRIBUTES] });
  };
  observe(doc);
  signal.addEventListener(
    'abort',
    () => {
      stopped = true;
      insertions.disconnect();
      edits.disconnect();
      hidden.clear();
      lastRevealed = null;
      wholeItems.clear();
      ledger.clear();
      dropEmptyHighlight(doc);
    },
    { once: true },
  );

  /** Starts observing a shadow root found on the way; false if it was known. */
  const watchRoot = (shadow: ShadowRoot): boolean => {
    if (roots.has(shadow)) return false;
    roots.add(shadow);
    // A root that left with its host and came back is still observed: only read again.
    if (observed.has(shadow)) return true;
    observed.add(shadow);
    observe(shadow);
    options.onShadowRoot?.(shadow);
    return true;
  };

  const flush = (): void => {
    const editable = isEditable(doc);
    if (editable) options.onEditable?.();
    if (!matcher || matcher.empty || editable) {
      changes.rescanAll();
      // Paused or no terms: what the user revealed stays revealed; in an editor, nothing stays.
      if (editable) ledger.clear();
      else for (const el of hidden) ledger.unhide(el);
      hidden.clear();
      report();
      return;
    }
    for (const item of wholeItems) {
      if (!item.isConnected || ledger.stateOf(item) === null) wholeItems.delete(item);
      else if (ledger.stateOf(item) === 'hidden' && !isShortItem(item)) {
        wholeItems.delete(item);
        changes.node(item);
      }
    }
    const finder = createBlockFinder(win);
    const collected = emptyCollected();
    const matched = new Set<Hideable>();
    pass++;
    const { targets, tail } = changes.take(finder, doc, roots, { seen, spine: lastRead.spine() }, ledger.isControlled);
    const scope: ReadScope = { marks: { seen, pass }, text: canHideText, attribute: ledger.originalAttribute };
    // Read phase: what was appended after the last read of the document (leaving out
    // the queued targets), then the queued targets and the shadow roots found on the way.
    const watchFound = (): void => {
      for (const shadow of collected.shadowRoots.splice(0)) if (watchRoot(shadow)) targets.push(shadow);
    };
    if (tail && !targets.includes(doc)) {
      const skip = new Set(targets);
      // Undefined: the last read's end was moved or removed, so the whole document is read.
      const start = lastRead.resumePoint(finder, skip);
      if (start !== null) lastRead.endedAt(collectToEnd(start ?? doc, finder, collected, { ...scope, skip }));
      watchFound();
    }
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]!;
      if (target === doc) lastRead.endedAt(collectToEnd(doc, finder, collected, scope));
      else collect(target, finder, collected, scope);
      watchFound();
    }
    // Match, and find what to hide for each match: the block, or its short item whole.
    // Nothing here reads a style: a style read before the writes would make the browser
    // build the page's layout tree, and every blur written after it would cost a style
    // update that grows with the length of the list around it.
    const current = matcher;
    const found = new Map<Hideable, string[]>();
    // Blocks hidden on their own, with the item whose pictures go with them (null: a headline's hero picture).
    const pictured = new Map<Element, Element | null>();
    // Short items hidden whole in this pass, with their blocks: checked once written.
    const whole = new Map<Element, [Element, string[]][]>();
    const add = (target: Hideable, titles: string[]): void => {
      found.set(target, [...new Set([...(found.get(target) ?? []), ...titles])]);
    };
    const decide = (el: Hideable, text: string): void => {
      const titles = matchUnit(current, text).map((list) => list.title);
      if (titles.length === 0) return;
      if (el.nodeType === 3) return add(el, titles);
      const block = el as Element;
      const item = itemOf(block);
      // An item known to hold a box positioned outside it is checked before anything is written.
      if (item && isShortItem(item) && !(moving.has(item) && movedByFilter(item, win))) {
        add(item, titles);
        whole.set(item, [...(whole.get(item) ?? []), [block, titles]]);
      } else {
        add(block, titles);
        pictured.set(block, item);
      }
    };
    collected.units.forEach((text, el) => decide(el, text));
    collected.labelled.forEach((text, el) => decide(el, text));
    // Write phase: the blocks and items first, then what needs styles to be known.
    const fresh = new Set<Hideable>();
    const write = (el: Hideable, titles: string[], parts?: Element[]): void => {
      if (ledger.hide(el, titles, parts)) fresh.add(el);
    };
    found.forEach((titles, el) => {
      if (!textHidden && el.nodeType === 3) {
        textHidden = true;
        options.onTextHidden?.();
      }
      write(el, titles);
    });
    // An item holding a box positioned outside it (a banner fixed to the window) is not
    // blurred whole: the blur would move that box. Its blocks are hidden one by one.
    whole.forEach((blocks, item) => {
      if (!movedByFilter(item, win)) return void wholeItems.add(item);
      moving.add(item);
      found.delete(item);
      hidden.delete(item);
      ledger.unhide(item);
      for (const [block, titles] of blocks) {
        add(block, titles);
        pictured.set(block, item);
      }
    });
    // Each item's pictures are found once a pass, however many of its blocks are hidden
    // (those inside a block are left to it by `inHidden` below).
    const parts = new Map<Element, Element[]>();
    const shown = new Map<Element, Element[]>();
    pictured.forEach((item, block) =>
      parts.set(block, item ? (shown.get(item) ?? shown.set(item, picturesIn(item, win)).get(item)!) : heroPicturesOf(block, win)),
    );
    // A picture that is hidden as a block of its own, or lies inside one, is no part of another.
    const inHidden = (part: Element): boolean => {
      for (let el: Element | null = part; el; el = el.parentElement) if (found.has(el)) return true;
      return false;
    };
    parts.forEach((list, block) => {
      list = list.filter((part) => !inHidden(part));
      // A block of an item found to move is written here for the first time.
      if (list.length || !ledger.stateOf(block)) write(block, found.get(block)!, list);
    });
    found.forEach((_, el) => {
      // What the user revealed stays revealed, also when a framework renders it anew.
      if (fresh.has(el) && memory.has(el)) ledger.reveal(el);
      // A block the user revealed stays revealed, and does not count as hidden.
      if (ledger.stateOf(el) === 'hidden') {
        matched.add(el);
        hidden.add(el);
      }
    });
    // Blocks hidden before, read again in this pass, that no longer match: show them again.
    if (hidden.size > matched.size) {
      const read = targets.length > 0 ? new Set<Node>(targets) : null;
      for (const el of hidden) {
        if (matched.has(el)) continue;
        if (seen.get(el) !== pass && !(read && isWithin(el, read))) continue;
        ledger.unhide(el);
        hidden.delete(el);
      }
    }
    report();
  };

  const report = (): void => {
    for (const el of hidden) if (!el.isConnected) hidden.delete(el);
    // Removed by the page: forget it and take its reveal control away too. If the page
    // puts it back, it is read again as a new node.
    ledger.prune();
    // Shadow roots whose host left the document are let go (they are observed still,
    // and read again if their host comes back).
    for (const root of roots) if (root !== doc && !(root as ShadowRoot).host.isConnected) roots.delete(root);
    if (hidden.size !== lastCount) {
      lastCount = hidden.size;
      options.onCountChange?.(lastCount);
    }
  };

  return {
    setMatcher(next) {
      matcher = next;
      changes.rescanAll();
      flush();
    },
    revealAll() {
      let count = 0;
      for (const el of hidden) {
        if (!ledger.reveal(el)) continue;
        memory.remember(el);
        count++;
      }
      hidden.clear();
      report();
      return count;
    },
    reveal(el) {
      if (!ledger.reveal(el)) return false;
      lastRevealed = el;
      memory.remember(el);
      hidden.delete(el);
      report();
      return true;
    },
    why() {
      if (!lastRevealed || !matcher) return null;
      const el = lastRevealed as Element;
      // The block's words, and those of its labelled images and links, as it was read.
      let text = el.textContent ?? '';
      if (el.nodeType === 1) for (const a of LABEL_ATTRIBUTES) text += ` ${el.getAttribute(a) ?? ''}`;
      return matcher.explain(text);
    },
    rehide(el) {
      if (!ledger.rehide(el)) return false;
      memory.forget(el);
      hidden.add(el);
      report();
      return true;
    },
    addShadowRoot(shadow) {
      if (!watchRoot(shadow)) return;
      changes.node(shadow);
      schedule();
    },
    hiddenCount() {
      report();
      return hidden.size;
    },
    flush() {
      scheduled = false;
      if (!stopped) flush();
    },
    stateOf: ledger.stateOf,
    blockOfControl: ledger.blockOfControl,
    labelOf: ledger.labelOf,
  };
}
