import { describe, expect, it } from 'vitest';
import { createRevealMemory, REVEAL_MEMORY_LIMIT } from '../../../lib/scan/reveal-memory';

const render = (text: string, cls = 'post') => {
  document.body.innerHTML = `<div class="feed"><div class="${cls}"><p>${text}</p></div></div>`;
  return document.querySelector('p')!;
};

describe('the reveal memory', () => {
  it('knows a re-rendered block with the same text in the same place', () => {
    const memory = createRevealMemory();
    memory.remember(render('Clay  tells the truth.'));
    expect(memory.has(render('Clay tells the truth.'))).toBe(true);
  });

  it('does not know other text, or the same text in another place', () => {
    const memory = createRevealMemory();
    memory.remember(render('Clay tells the truth.'));
    expect(memory.has(render('Clay lies.'))).toBe(false);
    expect(memory.has(render('Clay tells the truth.', 'comment'))).toBe(false);
  });

  it('forgets a block the user hid again, and keeps at most its limit', () => {
    const memory = createRevealMemory();
    memory.remember(render('Clay tells the truth.'));
    memory.forget(render('Clay tells the truth.'));
    expect(memory.has(render('Clay tells the truth.'))).toBe(false);
    const p = render('');
    const post = (i: number) => ((p.textContent = `Post ${i}`), p);
    for (let i = 0; i <= REVEAL_MEMORY_LIMIT; i++) memory.remember(post(i));
    expect(memory.has(post(0))).toBe(false);
    expect(memory.has(post(1))).toBe(true);
    expect(memory.has(post(REVEAL_MEMORY_LIMIT))).toBe(true);
  });
});
