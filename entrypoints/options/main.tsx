import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options-app';
import { createBackgroundClient } from '../../lib/shared/client';
import { downloadText } from '../../lib/ui/download';
import { createSettingsModel } from '../../lib/ui/settings-model';
import { createSubscriptionsModel } from '../../lib/ui/subscriptions-model';
import { followSync } from '../../lib/ui/follow-sync';
import { tvmazeForPage } from '../../lib/ui/tvmaze-browser';
import { createWatchlistsModel } from '../../lib/ui/watchlists-model';
import { t, uiLanguage } from '../../lib/ui/i18n';
import '../../components/ui.css';

document.documentElement.lang = uiLanguage();
document.title = t('options_heading');
const client = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const model = createWatchlistsModel(client);
const settings = createSettingsModel(client);
const subscriptions = createSubscriptionsModel(client, model, {
  getManifest: () => browser.runtime.getManifest(),
  request: browser.permissions ? (permissions) => browser.permissions.request(permissions) : null,
});
void model.refresh();
void settings.load();
// Another device's edits arrive through sync: show them, and what sync says.
followSync(browser.storage.onChanged, {
  onStatus: (status) => (settings.sync.value = status),
  onMerged: () => void model.refresh(),
}, new AbortController().signal);
render(
  <OptionsApp
    model={model}
    settings={settings}
    tvmaze={tvmazeForPage(browser)}
    subscriptions={subscriptions}
    download={(text) => downloadText(document, 'plot-armor-watchlists.json', text)}
  />,
  document.getElementById('app')!,
);
