import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup-app';
import { createBackgroundClient } from '../../lib/client';
import { createWatchlistsModel } from '../../lib/ui/watchlists-model';
import '../../components/ui.css';

const model = createWatchlistsModel(createBackgroundClient((message) => browser.runtime.sendMessage(message)));
void model.refresh();
render(<PopupApp model={model} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
