import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options-app';
import { createBackgroundClient } from '../../lib/shared/client';
import { createTvmazeClient } from '../../lib/tvmaze/client';
import { declaresDataConsent, withSearchConsent, type ConsentPermissions } from '../../lib/tvmaze/consent';
import { downloadText } from '../../lib/ui/download';
import { createSettingsModel } from '../../lib/ui/settings-model';
import { createWatchlistsModel } from '../../lib/ui/watchlists-model';
import { t } from '../../lib/ui/i18n';
import '../../components/ui.css';

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
    tvmaze={createTvmazeClient(
      withSearchConsent(
        (url) => fetch(url),
        declaresDataConsent(browser.runtime.getManifest()) ? (browser.permissions as unknown as ConsentPermissions) : null,
      ),
    )}
    download={(text) => downloadText(document, 'plot-armor-watchlists.json', text)}
  />,
  document.getElementById('app')!,
);
