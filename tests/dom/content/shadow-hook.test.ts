import { afterEach, describe, expect, it } from 'vitest';
import { hookAttachShadow, listenForShadowRoots } from '../../../lib/content/shadow-hook';

describe('the attachShadow hook', () => {
  const controller = new AbortController();
  afterEach(() => controller.abort());

  it('reports open shadow roots to the listener and returns the real root', () => {
    hookAttachShadow(window);
    hookAttachShadow(window); // idempotent: one report per call
    const seen: ShadowRoot[] = [];
    listenForShadowRoots(document, controller.signal, (root) => seen.push(root));
    const open = document.createElement('div');
    const closed = document.createElement('div');
    document.body.append(open, closed);
    const root = open.attachShadow({ mode: 'open' });
    closed.attachShadow({ mode: 'closed' });
    expect(seen).toEqual([root]);
  });
});
