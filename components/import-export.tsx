import { t } from '../lib/ui/i18n';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';

/**
 * Import and export of the public watchlist file. The file input is the page's
 * first `<input type="file">`: a public contract other tools drive.
 */
export function ImportExport({ model, download }: { model: WatchlistsModel; download: (text: string) => void }) {
  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await model.importFile(file);
    input.value = '';
  };
  const onExport = async () => {
    const text = await model.exportText();
    if (text !== undefined) download(text);
  };
  return (
    <section aria-labelledby="import-export-heading" class="import-export">
      <h2 id="import-export-heading">{t('heading_import_export')}</h2>
      <label class="file">
        {t('label_import')} <input type="file" accept=".json,application/json" onChange={onFile} />
      </label>
      <button type="button" onClick={onExport}>
        {t('action_export')}
      </button>
    </section>
  );
}
