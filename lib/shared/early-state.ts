/**
 * Firefox hands a content script its page state only after the page's parser is done
 * when the page keeps the parser busy (a 6 MB page: ~400 ms after the script started),
 * and the page stays held invisible until then. So in Firefox the background also
 * registers a tiny content script carrying the state (`browser.contentScripts`, MV2),
 * which runs at document_start in the same sandbox as the main content script and hands
 * the state over at once. The page never sees it: both run in the extension's sandbox.
 * Chromium (MV3) can only register files, not code, and answers storage quickly anyway.
 */
import { SNAPSHOT_KEY } from './page-state';

/** The main content script's receiver, when it ran first. */
export const EARLY_STATE_RECEIVER = 'plotArmorReceiveState';
/** Where the state waits, when the registered script ran first. */
export const EARLY_STATE_SLOT = 'plotArmorEarlyState';

type Scope = Record<string, unknown>;

/**
 * Above this many characters of state, nothing is registered (the content script reads
 * storage): the code runs in every frame of every page.
 */
export const EARLY_STATE_LIMIT = 1_000_000;

/**
 * The code of the registered script for these page-state items; null when they are
 * too large. The state is a string literal given to JSON.parse, which engines read
 * faster than the same data written as an object literal.
 */
export function earlyStateCode(items: Record<string, unknown>): string | null {
  let json = JSON.stringify(items);
  if (json.length > EARLY_STATE_LIMIT) {
    // The snapshot's stored forms only save compiling: without them it may still fit.
    const snapshot = items[SNAPSHOT_KEY] as { forms?: unknown } | undefined;
    if (!snapshot?.forms) return null;
    json = JSON.stringify({ ...items, [SNAPSHOT_KEY]: { ...snapshot, forms: null } });
    if (json.length > EARLY_STATE_LIMIT) return null;
  }
  return `(function(s){var g=globalThis;typeof g.${EARLY_STATE_RECEIVER}==='function'?g.${EARLY_STATE_RECEIVER}(s):(g.${EARLY_STATE_SLOT}=s);})(JSON.parse(${JSON.stringify(json)}));`;
}

/**
 * The state the registered script hands over, whichever of the two runs first; a
 * promise that never settles where there is none (Chromium, or no state registered).
 */
export function receiveEarlyState(scope: Scope = globalThis as unknown as Scope): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const waiting = scope[EARLY_STATE_SLOT];
    if (typeof waiting === 'object' && waiting !== null) {
      delete scope[EARLY_STATE_SLOT];
      resolve(waiting as Record<string, unknown>);
      return;
    }
    scope[EARLY_STATE_RECEIVER] = (state: unknown) => {
      delete scope[EARLY_STATE_RECEIVER];
      if (typeof state === 'object' && state !== null) resolve(state as Record<string, unknown>);
    };
  });
}
