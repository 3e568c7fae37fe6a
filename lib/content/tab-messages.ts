import { isEnvelope, type Reply } from '../shared/messages';
import type { Scanner } from '../scan/scanner';

/**
 * The content script's `runtime.onMessage` listener: answers `TabProtocol` verbs, ignores
 * the rest. It answers through `sendResponse`, which both browsers' own APIs support (a
 * returned Promise needs webextension-polyfill in Chromium).
 */
export function createTabMessageListener(scanner: () => Scanner | null) {
  return (message: unknown, _sender: unknown, sendResponse: (reply: Reply<unknown>) => void): false => {
    if (!isEnvelope(message)) return false;
    const current = scanner();
    if (message.type === 'tab/reveal-all') sendResponse({ ok: true, data: current ? current.revealAll() : 0 });
    // Only a frame where the user revealed something answers (the first answer reaches the popup).
    const why = message.type === 'tab/why' && current?.why();
    if (why) sendResponse({ ok: true, data: why.map((r) => ({ listId: r.list.id, title: r.list.title, term: r.term, past: r.past })) });
    return false;
  };
}
