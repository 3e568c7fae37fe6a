import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup-app';
import { createBackgroundClient } from '../../lib/shared/client';
import { createSiteModel } from '../../lib/ui/site-model';
import { tvmazeForPage } from '../../lib/ui/tvmaze-browser';
import { createWatchlistsModel } from '../../lib/ui/watchlists-model';
import { t, uiLanguage } from '../../lib/ui/i18n';
import '../../components/ui.css';

document.documentElement.lang = uiLanguage();
document.title = t('extension_name');
const client = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const model = createWatchlistsModel(client);
const site = createSiteModel(client, browser.tabs);
void model.refresh();
void site.load().then(() => site.askWhy());
render(
  <PopupApp model={model} site={site} tvmaze={tvmazeForPage(browser)} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
