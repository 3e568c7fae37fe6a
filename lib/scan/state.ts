/**
 * The public contract on hidden blocks: `data-plot-armor="hidden"` while a block is
 * hidden, `"revealed"` once the user chose to read it. Users style these, tests read them.
 * Text with no element of its own beside other blocks is hidden as text instead
 * (`text-hiding.ts`): the same states, kept by the extension.
 */
import { clearRehideHint, guard, showRehideHint, unguard } from './control';
import { hiddenText, setTextState } from './text-hiding';

export const STATE_ATTRIBUTE = 'data-plot-armor';
/** Names the watchlist(s) a hidden block is about (never the matched term). */
export const LABEL_ATTRIBUTE = 'data-plot-armor-for';

export type BlockState = 'hidden' | 'revealed';
/** What gets hidden: a block, or text with no element of its own. */
export type Hideable = Element | Text;

const isText = (node: Hideable): node is Text => node.nodeType === 3;

/** The state the extension gave `node`, if any. */
export function stateOf(node: Hideable): BlockState | null {
  if (isText(node)) return hiddenText(node)?.state ?? null;
  const value = node.getAttribute(STATE_ATTRIBUTE);
  return value === 'hidden' || value === 'revealed' ? value : null;
}

/** Hides `node` as a possible spoiler for `titles`, unless the user already revealed it. */
export function hide(node: Hideable, titles: readonly string[]): boolean {
  const state = stateOf(node);
  if (state === 'revealed') return false;
  const label = titles.join(', ');
  if (isText(node)) setTextState(node, 'hidden', label);
  else if (node.getAttribute(LABEL_ATTRIBUTE) !== label) node.setAttribute(LABEL_ATTRIBUTE, label);
  guard(node, label);
  if (state === 'hidden') return false;
  if (!isText(node)) node.setAttribute(STATE_ATTRIBUTE, 'hidden');
  return true;
}

/** Shows a block the extension had hidden (it no longer matches, or the site was paused). */
export function unhide(node: Hideable): void {
  if (stateOf(node) !== 'hidden') return;
  if (isText(node)) setTextState(node, null);
  else {
    node.removeAttribute(STATE_ATTRIBUTE);
    node.removeAttribute(LABEL_ATTRIBUTE);
  }
  unguard(node);
}

/** Marks a hidden block as revealed by the user. */
export function reveal(node: Hideable): boolean {
  if (stateOf(node) !== 'hidden') return false;
  unguard(node);
  if (isText(node)) setTextState(node, 'revealed');
  else {
    node.setAttribute(STATE_ATTRIBUTE, 'revealed');
    showRehideHint(node);
  }
  return true;
}

/** Hides a block the user had revealed, again (their choice, from the block's own control). */
export function rehide(node: Hideable): boolean {
  if (stateOf(node) !== 'revealed') return false;
  if (isText(node)) setTextState(node, 'hidden');
  else {
    clearRehideHint(node);
    node.setAttribute(STATE_ATTRIBUTE, 'hidden');
  }
  guard(node, (isText(node) ? hiddenText(node)?.label : node.getAttribute(LABEL_ATTRIBUTE)) ?? '');
  return true;
}
