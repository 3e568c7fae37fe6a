import { isEnvelope, type Reply, type ResponseOf, type TabProtocol, type TabVerb } from '../shared/messages';
import type { Scanner } from '../scan/scanner';

/**
 * The content script's `runtime.onMessage` listener: answers `TabProtocol` verbs, ignores
 * the rest. It answers through `sendResponse`, which both browsers' own APIs support (a
 * returned Promise needs webextension-polyfill in Chromium).
 */
export function createTabMessageListener(scanner: Scanner) {
  return (message: unknown, _sender: unknown, sendResponse: (reply: Reply<ResponseOf<TabProtocol, TabVerb>>) => void): false => {
    // The compiler checks each verb's name and its answer's type against TabProtocol.
    if (!isEnvelope(message)) return false;
    if (message.type === ('tab/reveal-all' satisfies TabVerb)) {
      const data: ResponseOf<TabProtocol, 'tab/reveal-all'> = scanner.revealAll();
      sendResponse({ ok: true, data });
    }
    // Only a frame where the user revealed something answers (the first answer reaches the popup).
    const why = message.type === ('tab/why' satisfies TabVerb) && scanner.why();
    if (why) {
      const data: ResponseOf<TabProtocol, 'tab/why'> = why.map((r) => ({ listId: r.list.id, title: r.list.title, term: r.term, past: r.past }));
      sendResponse({ ok: true, data });
    }
    return false;
  };
}
