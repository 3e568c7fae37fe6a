import type { Scanner } from './scanner';
import { STATE_ATTRIBUTE } from './state';

/** The nearest block in `state` an event happened in, looking through shadow roots. */
export function blockIn(path: readonly EventTarget[], state: 'hidden' | 'revealed' = 'hidden'): Element | null {
  for (const target of path) {
    if ((target as Element).nodeType === 1 && (target as Element).getAttribute(STATE_ATTRIBUTE) === state) {
      return target as Element;
    }
  }
  return null;
}

/**
 * Reveals a hidden block on click, or on Enter/Space while it has focus. The first
 * activation only reveals: it is stopped before the page sees it, so a hidden link is
 * not followed and a hidden button is not pressed. Alt+click on a revealed block hides
 * it again.
 */
export function listenForReveals(win: Window, scanner: Scanner, signal: AbortSignal): void {
  const swallow = (event: Event): Element | null => {
    const block = blockIn(event.composedPath());
    if (!block) return null;
    event.preventDefault();
    event.stopImmediatePropagation();
    return block;
  };
  const onClick = (event: MouseEvent): void => {
    const block = swallow(event);
    if (block) {
      scanner.reveal(block);
      return;
    }
    if (!event.altKey) return;
    const revealed = blockIn(event.composedPath(), 'revealed');
    if (!revealed) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    scanner.rehide(revealed);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.composedPath()[0] as Element | undefined;
    if (!target || target.nodeType !== 1 || target.getAttribute(STATE_ATTRIBUTE) !== 'hidden') return;
    swallow(event);
    scanner.reveal(target);
  };
  // Capture on the window runs before any handler of the page.
  const opts = { capture: true, signal };
  win.addEventListener('click', onClick, opts);
  win.addEventListener('auxclick', (event) => void swallow(event), opts);
  win.addEventListener('keydown', onKey, opts);
}
