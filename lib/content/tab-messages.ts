import { isEnvelope, type Reply } from '../shared/messages';
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
