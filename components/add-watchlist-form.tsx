import { useState } from 'preact/hooks';
import { parseTermList } from '../lib/format/watchlist-file';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';

/** Adds a show: its title and, optionally, characters, cast and keywords (comma-separated or one per line). */
export function AddWatchlistForm({ model }: { model: WatchlistsModel }) {
  const [title, setTitle] = useState('');
  const [characters, setCharacters] = useState('');
  const [cast, setCast] = useState('');
  const [keywords, setKeywords] = useState('');
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const created = await model.create({
      title: title.trim(),
      characters: parseTermList(characters),
      cast: parseTermList(cast),
      keywords: parseTermList(keywords),
    });
    if (created) {
      setTitle('');
      setCharacters('');
      setCast('');
      setKeywords('');
    }
  };
  return (
    <form class="add-watchlist" onSubmit={onSubmit} aria-label="Add a show">
      <label>
        Show title <input name="title" required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        Characters <input name="characters" value={characters} onInput={(e) => setCharacters(e.currentTarget.value)} placeholder="Clay Jensen, Hannah Baker" />
      </label>
      <label>
        Cast <input name="cast" value={cast} onInput={(e) => setCast(e.currentTarget.value)} placeholder="Dylan Minnette" />
      </label>
      <label>
        Keywords <input name="keywords" value={keywords} onInput={(e) => setKeywords(e.currentTarget.value)} placeholder="tapes" />
      </label>
      <button type="submit">Add show</button>
    </form>
  );
}
