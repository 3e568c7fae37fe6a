/**
 * A matcher compiled when it is first asked to match. The content script runs in every
 * frame of every page, and most frames (ad and tracking frames, empty `about:blank`
 * ones) never hold text: they never compile. A frame that gets text later compiles in
 * the pass that reads it, in the same microtask, so the text is still hidden before the
 * browser can paint it.
 */
import type { Matcher } from './compile';

/** A matcher that calls `compile` on its first `match` and then answers with its result. */
export function compileOnFirstUse(compile: () => Matcher): Matcher {
  let compiled: Matcher | null = null;
  return {
    match: (text) => (compiled ??= compile()).match(text),
    explain: (text) => (compiled ??= compile()).explain(text),
    // Not known before compiling: a list with no usable term is found out on first use.
    get empty() {
      return compiled?.empty ?? false;
    },
  };
}
