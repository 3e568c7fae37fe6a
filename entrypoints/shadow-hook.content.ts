import { defineContentScript } from 'wxt/utils/define-content-script';
import { hookAttachShadow } from '../lib/content/shadow-hook';

// Runs in the page's own world (content scripts cannot see `attachShadow` calls):
// tells the isolated content script about open shadow roots attached after load.
// `world: 'MAIN'` in the manifest: Chrome 111+, Firefox 128+ (hence strict_min_version).
// https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/content_scripts#world
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  main() {
    hookAttachShadow(window);
  },
});
