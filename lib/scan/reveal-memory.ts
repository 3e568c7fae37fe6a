/**
 * A reveal lasts until the page is reloaded. Sites built with front-end frameworks
 * re-render: a post the user revealed is replaced a moment later by a new node with the
 * same text, which would be blurred again. The scanner remembers what the user revealed
 * by its text and its place (the tags and classes of the element and its nearest
 * ancestors), and a block with the same text in the same place is shown revealed.
 */
import type { Hideable } from './attributes';
import { spacedText } from './item';

/** How many ancestors make a place. */
const PLACE_DEPTH = 4;
/** At most this many reveals are remembered (a long-lived page stays at flat memory). */
export const REVEAL_MEMORY_LIMIT = 2000;

function placeOf(node: Hideable): string {
  const parts: string[] = [];
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let i = 0; el && i < PLACE_DEPTH; i++, el = el.parentElement) parts.push(`${el.tagName}.${el.className}`);
  return parts.join('<');
}


export interface RevealMemory {
  /** Remembers that the user revealed `node`. */
  remember(node: Hideable): void;
  /** Forgets it (the user hid it again). */
  forget(node: Hideable): void;
  /** Whether the user revealed a block with `node`'s text in `node`'s place. */
  has(node: Hideable): boolean;
}

export function createRevealMemory(): RevealMemory {
  const keys = new Set<string>();
  const keyOf = (node: Hideable): string => `${placeOf(node)}\n${spacedText(node)}`;
  return {
    remember(node) {
      const key = keyOf(node);
      keys.delete(key);
      keys.add(key);
      // The oldest reveal goes first.
      if (keys.size > REVEAL_MEMORY_LIMIT) keys.delete(keys.values().next().value!);
    },
    forget: (node) => void keys.delete(keyOf(node)),
    has: (node) => keys.size > 0 && keys.has(keyOf(node)),
  };
}
