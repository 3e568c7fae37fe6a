import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { receiveEarlyState } from '../../lib/shared/early-state';
import { startPlotArmor } from '../../lib/content/start';
import { siteHost } from '../../lib/content/site-host';
import { createTabMessageListener } from '../../lib/content/tab-messages';
import type { Scanner } from '../../lib/scan/scanner';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    let scanner: Scanner | null = null;
    const listener = createTabMessageListener(() => scanner);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    void startPlotArmor({
      doc: document,
      signal: ctx.signal,
      storage: browser.storage.local,
      notify: (type, data) => browser.runtime.sendMessage({ type, data }),
      host: siteHost(location),
      // Firefox only: see lib/shared/early-state.ts (left out of the Chromium build).
      early: import.meta.env.FIREFOX ? receiveEarlyState() : undefined,
    }).then((started) => {
      scanner = started;
    });
  },
});
