import type { Matcher } from '../match/compile';
import type { MatchList } from '../shared/watchlist';
import type { BlockFinder } from './block';
import { OWN_UI_ATTRIBUTE } from './attributes';
import type { ReadMarks } from './read-marks';
import { IGNORED_TAGS, tagOf, UNIT_TAGS } from './tags';

/** What one read of a subtree found: the text of each unit, labelled elements, shadow roots. */
export interface Collected {
  /**
   * Each unit with its text as it reads, inline elements joined; with `text` in the
   * scope, also each text node with no unit (text directly in a container of blocks).
   */
  readonly units: Map<Element | Text, string>;
  /** Images, links and buttons with their `alt`/`title`/`aria-label` text. */
  readonly labelled: Map<Element, string>;
  /** Open shadow roots met on the way (to be scanned and observed as roots of their own). */
  readonly shadowRoots: ShadowRoot[];
  /**
   * Whether the text of each unit read in several pieces ends in whitespace, once pieces
   * are joined. Kept apart because asking a joined text copies it whole (V8 flattens a
   * string built by appending first): once per piece, that is quadratic in a unit of
   * thousands of pieces, like a paragraph listing 3,000 linked names (a 176 KB paragraph
   * took ~150 ms to read that way). A unit read in one piece (most) has no entry.
   */
  readonly spaced: Map<Element, boolean>;
}


/** A `Collected` with nothing read yet. */
export const emptyCollected = (): Collected => ({ units: new Map(), labelled: new Map(), shadowRoots: [], spaced: new Map() });

/** Whether an element's subtree is never read: code, form fields, editable regions, our UI. */
export function isSkipped(el: Element): boolean {
  return isSkippedTag(el, tagOf(el));
}

function isSkippedTag(el: Element, tag: string): boolean {
  if (IGNORED_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  // What the user is typing is theirs: `contenteditable`, `=""`, `=true`, `=plaintext-only`.
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** An attribute as the page set it (the scanner's ledger knows the values it replaced). */
type AttributeReader = (el: Element, name: string) => string | null;
const pageAttribute: AttributeReader = (el, name) => el.getAttribute(name);

function labelOf(el: Element, tag: string, originalAttribute: AttributeReader): string | null {
  let label: string;
  if (tag === 'IMG' || tag === 'AREA') {
    label = `${el.getAttribute('alt') ?? ''} ${originalAttribute(el, 'title') ?? ''}`;
  } else if (tag === 'A' || tag === 'BUTTON') {
    label = `${originalAttribute(el, 'aria-label') ?? ''} ${originalAttribute(el, 'title') ?? ''}`;
  } else {
    return null;
  }
  return hasText(label) ? label : null;
}

/** Whether a string has anything but spaces (cheaper than `trim()`, which allocates). */
function hasText(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 32 && c !== 0xa0) return true;
  }
  return false;
}

/**
 * Put where the texts of two nodes of one unit meet with no whitespace between them
 * (`<a>Reddit gifts</a><a>Communities</a>`). The page may show them as one word (a drop
 * cap, a highlighted syllable, a script's adjacent text nodes) or apart (links laid out
 * as blocks, a flex row): only its styles say which, and reading styles is dear. Such a
 * text is matched both ways (`matchUnit`).
 */
export const TOUCH = '\u0000';

const isSpace = (c: number): boolean => c <= 32 || c === 0xa0;

/** Adds a node's text to what `unit` reads, marking where it touches the text before it. */
function append(unit: Element, text: string, out: Collected): void {
  const before = out.units.get(unit);
  if (!before) return void out.units.set(unit, text);
  // A first piece is a string of its own: its last character costs nothing to read.
  const spaced = out.spaced.get(unit) ?? isSpace(before.charCodeAt(before.length - 1));
  out.units.set(unit, spaced || isSpace(text.charCodeAt(0)) ? before + text : before + TOUCH + text);
  out.spaced.set(unit, isSpace(text.charCodeAt(text.length - 1)));
}

/** The watchlists a unit's text mentions, texts that touch read both joined and apart. */
export function matchUnit(matcher: Matcher, text: string): readonly MatchList[] {
  if (!text.includes(TOUCH)) return matcher.match(text);
  const joined = matcher.match(text.replaceAll(TOUCH, ''));
  const apart = matcher.match(text.replaceAll(TOUCH, ' '));
  return apart.length === 0 ? joined : joined.length === 0 ? apart : [...new Set([...joined, ...apart])];
}

/** Ends the text read so far in `unit` with a space (a line break, or whitespace between inline elements). */
function space(unit: Element | null, out: Collected): void {
  const text = unit && out.units.get(unit);
  if (text) {
    out.units.set(unit, `${text} `);
    out.spaced.set(unit, true);
  }
}

/** Where a read starts and stops, and what it leaves out and marks. */
export interface ReadScope {
  /**
   * The pass number each element (and root) met is marked with, so the scanner knows
   * which nodes it has read, and what it read in this pass.
   */
  readonly marks?: { readonly seen: ReadMarks; readonly pass: number };
  /** Subtrees read already in this pass (by another read): left out. */
  readonly skip?: ReadonlySet<Node>;
  /** Whether text with no unit of its own is read, as a unit of its own (text-hiding.ts). */
  readonly text?: boolean;
  /** Reads an attribute as the page set it (default: as it is now). */
  readonly attribute?: AttributeReader;
}

/**
 * Reads the subtree under `root` (root included) in document order. Only reads:
 * it never writes to the DOM, so a pass can read everything before writing anything.
 * Walks with firstChild/nextSibling (no TreeWalker: one fewer object per call, and
 * most calls read a single paragraph).
 */
export function collect(root: Node, finder: BlockFinder, into?: Collected, scope: ReadScope = {}): Collected {
  const out = into ?? emptyCollected();
  read(root, root, finder, out, scope);
  return out;
}

/**
 * Reads from `start` (included) to the end of its document, in document order: what
 * the parser or a script appended after the scanner's last read. Returns the last node
 * met (where the next such read picks up).
 */
export function collectToEnd(start: Node, finder: BlockFinder, into: Collected, scope: ReadScope = {}): Node {
  const doc = start.ownerDocument ?? start;
  return read(start, doc, finder, into, scope);
}

/**
 * Reads from `start` until the walk would leave `boundary`'s subtree; returns the last
 * node met. Inside an element whose own text belongs to no unit (a container of blocks,
 * a document, a shadow root), only its element children are visited: the whitespace
 * between a page's paragraphs is never read.
 */
function read(start: Node, boundary: Node, finder: BlockFinder, out: Collected, scope: ReadScope): Node {
  const { marks, skip } = scope;
  /** Per element descended into (innermost last): whether only its element children count. */
  const elementsOnly: boolean[] = [];
  /** The same for the parent of the current node once the walk has gone above `start`'s parent. */
  let outerOnly: boolean | undefined;
  let node: Node | null = start;
  let last: Node = start;
  while (node) {
    last = node;
    let descend = false;
    let tag = '';
    const type: number = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (hasText(data)) {
        const unit = finder.unitOf(node);
        if (unit) append(unit, data, out);
        else if (scope.text && node.parentNode?.nodeType === 1) {
          out.units.set(node as Text, data);
          marks?.seen.set(node, marks.pass);
        }
      } else if (data) {
        // Whitespace between inline elements (`<b>Purple</b> <i>Rain</i>`) is a word break.
        space(finder.unitOf(node), out);
      }
    } else if (type === 1) {
      const el = node as Element;
      marks?.seen.set(el, marks.pass);
      tag = tagOf(el);
      if (!isSkippedTag(el, tag) && !skip?.has(el)) {
        descend = true;
        if (tag === 'BR') space(finder.unitOf(el), out);
        const label = labelOf(el, tag, scope.attribute ?? pageAttribute);
        if (label !== null) out.labelled.set(el, label);
        const shadow = el.shadowRoot;
        if (shadow) out.shadowRoots.push(shadow);
        if (el.childElementCount === 0) {
          // Only text inside (most paragraphs): one read of it all, and no walk into it.
          descend = false;
          const text = el.textContent;
          if (text) {
            const unit = UNIT_TAGS.has(tag) ? el : finder.unitOf(el);
            // An inline element holding only a space (`<i>&nbsp;</i>`) is a word break too.
            if (hasText(text)) {
              if (unit) append(unit, text, out);
            } else space(unit, out);
          }
        }
      }
    } else if (type === 9 || type === 11) {
      marks?.seen.set(node, marks.pass);
      descend = true;
    }
    if (descend) {
      const only = textIgnoredIn(node, finder, scope.text, tag);
      const child: Node | null = only ? (node as ParentNode).firstElementChild : node.firstChild;
      if (child) {
        elementsOnly.push(only);
        node = child;
        continue;
      }
    }
    // Next in document order: a sibling, or the sibling of the nearest ancestor with one.
    for (;;) {
      if (node === boundary) {
        node = null;
        break;
      }
      const only: boolean =
        elementsOnly.length > 0 ? elementsOnly[elementsOnly.length - 1]! : (outerOnly ??= textIgnoredIn(node.parentNode, finder, scope.text));
      const sibling: Node | null = only ? (node as ChildNode & NonDocumentTypeChildNode).nextElementSibling : node.nextSibling;
      if (sibling) {
        node = sibling;
        break;
      }
      node = node.parentNode;
      if (elementsOnly.length > 0) elementsOnly.pop();
      else outerOnly = undefined;
      if (!node) break;
    }
  }
  return last;
}

/**
 * Above this many element children, the text directly in a container of blocks is not
 * read: in a long page's container of paragraphs it is the whitespace between them.
 */
export const TEXT_IN_CONTAINER_LIMIT = 512;

/**
 * Whether the text directly inside `parent` is left unread: it belongs to no unit, and
 * is not read as text of its own (`text`: whether such text is read at all).
 * `tag`: the parent's upper-case tag, when the caller has read it already.
 */
function textIgnoredIn(parent: Node | null, finder: BlockFinder, text: boolean | undefined, tag?: string): boolean {
  if (parent === null) return false;
  if (parent.nodeType !== 1) return true;
  // A paragraph-like element is its own unit: no need to ask the finder.
  if (UNIT_TAGS.has(tag ?? tagOf(parent as Element)) || finder.unitOf(parent) !== null) return false;
  return !text || (parent as Element).childElementCount > TEXT_IN_CONTAINER_LIMIT;
}
