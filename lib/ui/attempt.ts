import type { Signal } from '@preact/signals';
import { errorText } from './watchlists-model';

/**
 * Returns a runner for a model's changes: a failure becomes the model's error message
 * (shown by its component), a success clears it.
 */
export function createAttempt(error: Signal<string | null>) {
  return async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
      error.value = null;
    } catch (e) {
      error.value = errorText(e);
    }
  };
}
