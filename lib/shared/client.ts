/**
 * The typed clients of the two protocols: the extension's pages and content scripts call
 * the background, the popup calls a tab's content script. A reply's error arrives as a
 * `RemoteError`.
 */
import {
  unwrap,
  type BackgroundProtocol,
  type RequestOf,
  type ResponseOf,
  type TabProtocol,
  type TabVerb,
  type Verb,
} from './messages';

/** Sends one message and resolves with whatever the other side answered. */
export type Send = (message: { type: string; data: unknown }) => Promise<unknown>;

/** The typed client the popup, the options page and content scripts use to talk to the background. */
export interface BackgroundClient {
  call<K extends Verb>(type: K, data: RequestOf<BackgroundProtocol, K>): Promise<ResponseOf<BackgroundProtocol, K>>;
}

/** Creates a client over `send` (e.g. `browser.runtime.sendMessage`); errors arrive as `RemoteError`. */
export function createBackgroundClient(send: Send): BackgroundClient {
  return {
    async call(type, data) {
      return unwrap(await send({ type, data }));
    },
  };
}

/** Sends one message to a tab's content script (e.g. `browser.tabs.sendMessage`). */
export type SendToTab = (tabId: number, message: { type: string; data: unknown }) => Promise<unknown>;

/** The typed client the popup uses to talk to a tab's content script. */
export interface TabClient {
  call<K extends TabVerb>(tabId: number, type: K, data: RequestOf<TabProtocol, K>): Promise<ResponseOf<TabProtocol, K>>;
}

/** Creates a tab client over `send`; errors arrive as `RemoteError`. */
export function createTabClient(send: SendToTab): TabClient {
  return {
    async call(tabId, type, data) {
      return unwrap(await send(tabId, { type, data }));
    },
  };
}
