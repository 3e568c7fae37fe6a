import { isEnvelope, type Reply, type ResponseOf, type TabProtocol, type TabVerb } from '../shared/messages';
import type { Scanner } from '../scan/scanner';

/**
 * The content script's `runtime.onMessage` listener: answers `TabProtocol` verbs, ignores
 * the rest. It answers through `sendResponse`, which both browsers' own APIs support (a
 * returned Promise needs webextension-polyfill in Chromium).
 */
export function createTabMessageListener(scanner: () => Scanner | null) {
  type RevealAll = ResponseOf<TabProtocol, 'tab/reveal-all'>;
  return (message: unknown, _sender: unknown, sendResponse: (reply: Reply<RevealAll>) => void): false => {
    // TabProtocol has one verb; the compiler checks its name and its answer's type.
    if (isEnvelope(message) && message.type === ('tab/reveal-all' satisfies TabVerb)) {
      const current = scanner();
      sendResponse({ ok: true, data: current ? current.revealAll() : 0 });
    }
    return false;
  };
}
