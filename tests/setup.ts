import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// `findBy…` and `waitFor` give up after 1 s by default; on a shared 2-core machine a
// round trip through the real handler and fake-indexeddb can take longer. This is how
// long a test waits for the UI, not a limit on its speed.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  fakeBrowser.reset();
});
