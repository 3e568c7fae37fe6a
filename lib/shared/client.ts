import { unwrap, type BackgroundProtocol, type RequestOf, type ResponseOf, type Verb } from './messages';

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
