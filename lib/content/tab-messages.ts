import { isEnvelope, type Reply } from '../messages';
import type { Scanner } from '../scan/scanner';

/**
 * The content script's `runtime.onMessage` listener: answers `TabProtocol` verbs, ignores
 * the rest. It answers through `sendResponse`, which both browsers' own APIs support (a
 * returned Promise needs webextension-polyfill in Chromium).
 */
export function createTabMessageListener(scanner: () => Scanner | null) {
  return (message: unknown, _sender: unknown, sendResponse: (reply: Reply<number>) => void): false => {
    if (isEnvelope(message) && message.type === 'tab/reveal-all') {
      const current = scanner();
      sendResponse({ ok: true, data: current ? current.revealAll() : 0 });
    }
    return false;
  };
}

/** The host a pause applies to: the top page's, also inside its frames. */
export function siteHost(loc: Location): string {
  const ancestors = loc.ancestorOrigins;
  if (ancestors && ancestors.length > 0) {
    try {
      return new URL(ancestors[ancestors.length - 1]!).hostname;
    } catch {
      // fall through to the frame's own host
    }
  }
  try {
    if (globalThis.top && globalThis.top !== globalThis.self) return globalThis.top.location.hostname;
  } catch {
    // cross-origin top: the frame's own host is the best we know
  }
  return loc.hostname;
}
