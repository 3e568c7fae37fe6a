import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options-app';
import { createBackgroundClient } from '../../lib/shared/client';
import { downloadText } from '../../lib/ui/download';
import { createSettingsModel } from '../../lib/ui/settings-model';
import { tvmazeForPage } from '../../lib/ui/tvmaze-browser';
import { createWatchlistsModel } from '../../lib/ui/watchlists-model';
import { t } from '../../lib/ui/i18n';
import '../../components/ui.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('options_heading');
const client = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const model = createWatchlistsModel(client);
const settings = createSettingsModel(client);
void model.refresh();
void settings.load();
render(
  <OptionsApp
    model={model}
    settings={settings}
    tvmaze={tvmazeForPage(browser)}
    download={(text) => downloadText(document, 'plot-armor-watchlists.json', text)}
  />,
  document.getElementById('app')!,
);
