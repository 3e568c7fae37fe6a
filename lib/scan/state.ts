/**
 * The public contract on hidden blocks: `data-plot-armor="hidden"` while a block is
 * hidden, `"revealed"` once the user chose to read it. Users style these, tests read them.
 */
import { clearRehideHint, guard, showRehideHint, unguard } from './control';

export const STATE_ATTRIBUTE = 'data-plot-armor';
/** Names the watchlist(s) a hidden block is about (never the matched term). */
export const LABEL_ATTRIBUTE = 'data-plot-armor-for';

export type BlockState = 'hidden' | 'revealed';

/** The state the extension gave `el`, if any. */
export function stateOf(el: Element): BlockState | null {
  const value = el.getAttribute(STATE_ATTRIBUTE);
  return value === 'hidden' || value === 'revealed' ? value : null;
}

/** Hides `el` as a possible spoiler for `titles`, unless the user already revealed it. */
export function hide(el: Element, titles: readonly string[]): boolean {
  if (stateOf(el) === 'revealed') return false;
  const label = titles.join(', ');
  if (el.getAttribute(LABEL_ATTRIBUTE) !== label) el.setAttribute(LABEL_ATTRIBUTE, label);
  guard(el, label);
  if (stateOf(el) === 'hidden') return false;
  el.setAttribute(STATE_ATTRIBUTE, 'hidden');
  return true;
}

/** Shows a block the extension had hidden (it no longer matches, or the site was paused). */
export function unhide(el: Element): void {
  if (stateOf(el) !== 'hidden') return;
  el.removeAttribute(STATE_ATTRIBUTE);
  el.removeAttribute(LABEL_ATTRIBUTE);
  unguard(el);
}

/** Marks a hidden block as revealed by the user. */
export function reveal(el: Element): boolean {
  if (stateOf(el) !== 'hidden') return false;
  el.setAttribute(STATE_ATTRIBUTE, 'revealed');
  unguard(el);
  showRehideHint(el);
  return true;
}

/** Hides a block the user had revealed, again (their choice, from the block's own control). */
export function rehide(el: Element): boolean {
  if (stateOf(el) !== 'revealed') return false;
  clearRehideHint(el);
  el.setAttribute(STATE_ATTRIBUTE, 'hidden');
  guard(el, el.getAttribute(LABEL_ATTRIBUTE) ?? '');
  return true;
}
