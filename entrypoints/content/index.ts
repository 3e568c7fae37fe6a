import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { receiveEarlyState } from '../../lib/shared/early-state';
import { startPlotArmor } from '../../lib/content/start';
import { siteHost } from '../../lib/content/site-host';
import { createTabMessageListener } from '../../lib/content/tab-messages';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  // WXT's context ends a script when any script of the page sends its "started" event,
  // which a page can forge: the content script keeps its own lifetime (lib/content/start.ts),
  // and does not announce its extension's id to the page.
  noScriptStartedPostMessage: true,
  main() {
    void startPlotArmor({
      doc: document,
      storage: browser.storage.local,
      notify: (type, data) => browser.runtime.sendMessage({ type, data }),
      host: siteHost(location),
      alive: () => browser.runtime?.id != null,
      top: window === window.top,
      getMessage: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
      // Firefox only: see lib/shared/early-state.ts (left out of the Chromium build).
      early: import.meta.env.FIREFOX ? receiveEarlyState() : undefined,
      // The popup's messages (reveal all, why) only concern a frame that hides something.
      onFirstHidden: (scanner) => browser.runtime.onMessage.addListener(createTabMessageListener(scanner)),
    });
  },
});
