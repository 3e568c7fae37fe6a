import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeApp } from '../../components/welcome-app';
import { createBackgroundClient } from '../../lib/shared/client';
import { t, uiLanguage } from '../../lib/ui/i18n';
import { tvmazeForPage } from '../../lib/ui/tvmaze-browser';
import { createWatchlistsModel } from '../../lib/ui/watchlists-model';
import '../../components/ui.css';

document.documentElement.lang = uiLanguage();
document.title = t('welcome_heading');
const client = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const model = createWatchlistsModel(client);
void model.refresh();
render(
  <WelcomeApp model={model} tvmaze={tvmazeForPage(browser)} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
