import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookAttachShadow } from '../lib/content/shadow-hook';

// Runs in the page's own world (content scripts cannot see `attachShadow` calls):
// tells the isolated content script about open shadow roots attached after load.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  include: ['chrome', 'edge'],
  main() {
    hookAttachShadow(window);
  },
});
