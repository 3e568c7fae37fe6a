import { describe, expect, it, vi } from 'vitest';
import { createTabMessageListener } from '../../../lib/content/tab-messages';
import type { Scanner } from '../../../lib/scan/scanner';

describe('the content script message listener', () => {
  it('answers reveal-all through sendResponse with the count revealed', () => {
    const scanner = { revealAll: vi.fn(() => 3) } as unknown as Scanner;
    const sendResponse = vi.fn();
    const listener = createTabMessageListener(scanner);
    expect(listener({ type: 'tab/reveal-all', data: {} }, {}, sendResponse)).toBe(false);
    expect(sendResponse).toHaveBeenCalledWith({ ok: true, data: 3 });
  });

  it('ignores messages that are not its own', () => {
    const sendResponse = vi.fn();
    const listener = createTabMessageListener({ revealAll: () => 0 } as unknown as Scanner);
    listener({ type: 'tab/reveal-all', data: {} }, {}, sendResponse);
    expect(sendResponse).toHaveBeenLastCalledWith({ ok: true, data: 0 });
    listener({ type: 'watchlists/list', data: {} }, {}, sendResponse);
    listener('hello', {}, sendResponse);
    expect(sendResponse).toHaveBeenCalledTimes(1);
  });
});
