import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/main';

export default defineBackground({
  type: 'module',
  main() {
    startBackground(browser);
  },
});
