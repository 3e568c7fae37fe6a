import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options-app';
import { createBackgroundClient } from '../../lib/client';
import { downloadText } from '../../lib/ui/download';
import { createWatchlistsModel } from '../../lib/ui/watchlists-model';
import '../../components/ui.css';

const model = createWatchlistsModel(createBackgroundClient((message) => browser.runtime.sendMessage(message)));
void model.refresh();
render(
  <OptionsApp model={model} download={(text) => downloadText(document, 'plot-armor-watchlists.json', text)} />,
  document.getElementById('app')!,
);
