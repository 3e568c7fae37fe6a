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
    await model.importText(await file.text());
    input.value = '';
  };
  const onExport = async () => {
    const text = await model.exportText();
    if (text !== undefined) download(text);
  };
  return (
    <section aria-labelledby="import-export-heading">
      <h2 id="import-export-heading">Import and export</h2>
      <label class="file">
        Import a watchlist file (.json){' '}
        <input type="file" accept=".json,application/json" onChange={onFile} />
      </label>
      <button type="button" onClick={onExport}>
        Export all watchlists
      </button>
    </section>
  );
}
