import type { BlockState, Hideable } from './attributes';
import type { Scanner } from './scanner';
import { isOnText } from './text-hiding';

/** What the events need to know of a scanner's blocks. */
type Blocks = Pick<Scanner, 'stateOf' | 'blockOfControl'>;

/**
 * The nearest block in `state` an event happened in, looking through shadow roots;
 * an event on a block's reveal control counts as on its block (or its hidden text).
 */
export function blockIn(blocks: Blocks, path: readonly EventTarget[], state: BlockState = 'hidden'): Hideable | null {
  for (const target of path) {
    if ((target as Element).nodeType !== 1) continue;
    const block = blocks.blockOfControl(target as Element) ?? (target as Element);
    if (blocks.stateOf(block) === state) return block;
  }
  return null;
}

/**
 * Hidden text (no element of its own) in `state` under the pointer, if any: text is
 * never an event's target, so it is looked for among the target's own text nodes
 * (inside a shadow root too: the path starts there).
 */
function textAt(blocks: Blocks, event: MouseEvent, state: BlockState): Text | null {
  const target = event.composedPath()[0] as Node | undefined;
  for (const node of target?.childNodes ?? []) {
    if (node.nodeType === 3 && blocks.stateOf(node as Text) === state && isOnText(node as Text, event.clientX, event.clientY)) {
      return node as Text;
    }
  }
  return null;
}

/**
 * Reveals a hidden block on click (on the block, or on its reveal control). The first
 * activation only reveals: it is stopped before the page sees it, so a hidden link is
 * not followed and a hidden button is not pressed. Alt+click on a revealed block hides
 * it again. Returns a function that adds the listeners again (idempotent): a page that
 * calls `document.open()` erases every listener of its window and document.
 */
export function listenForReveals(win: Window, scanner: Scanner, signal: AbortSignal): () => void {
  /** Finds the block in `state` the event happened in and stops the event before the page sees it. */
  const swallow = (event: MouseEvent, state: BlockState = 'hidden'): Hideable | null => {
    const block = blockIn(scanner, event.composedPath(), state) ?? textAt(scanner, event, state);
    if (!block) return null;
    event.preventDefault();
    event.stopImmediatePropagation();
    return block;
  };
  const onClick = (event: MouseEvent): void => {
    const hidden = swallow(event);
    if (hidden) scanner.reveal(hidden);
    else if (event.altKey) {
      const revealed = swallow(event, 'revealed');
      if (revealed) scanner.rehide(revealed);
    }
  };
  // The reveal control is a real button: Enter and Space arrive as a click on it.
  // Capture on the window runs before any handler of the page.
  const opts = { capture: true, signal };
  const onAuxClick = (event: MouseEvent): void => void swallow(event);
  const attach = (): void => {
    win.addEventListener('click', onClick, opts);
    win.addEventListener('auxclick', onAuxClick, opts);
  };
  attach();
  return attach;
}
