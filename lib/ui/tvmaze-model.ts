/**
 * The "Fill from TVmaze" flow for one watchlist: search → pick a show → review the
 * title, cast and character names (each a checkbox) → save the checked ones.
 */
import { signal } from '@preact/signals';
import { TERM_GROUPS, type TermGroup } from '../shared/watchlist';
import { TvmazeError, type TvmazeClient, type TvmazeShow } from '../tvmaze/client';
import { foldKey, normalizeTerms } from '../shared/term-text';
import { t } from './i18n';

/** One name offered for saving. */
export interface Candidate {
  group: TermGroup;
  name: string;
  checked: boolean;
}

/** The user-facing message for a failed request. */
export function tvmazeErrorText(error: unknown): string {
  if (error instanceof TvmazeError && error.kind === 'status') return t('tvmaze_error_status', String(error.status));
  if (error instanceof TvmazeError && error.kind === 'bad-response') return t('tvmaze_error_bad_response');
  if (error instanceof TvmazeError && error.kind === 'consent') return t('tvmaze_error_consent');
  return t('tvmaze_error_offline');
}

/** The names a show offers: its title as a keyword (unchecked when it is the watchlist's title), cast, characters. */
export function candidatesFor(show: TvmazeShow, cast: { person: string; character: string }[], listTitle: string): Candidate[] {
  const make = (group: TermGroup, names: string[]) => normalizeTerms(names).map((name) => ({ group, name, checked: true }));
  return [
    { group: 'keywords', name: show.name, checked: foldKey(show.name) !== foldKey(listTitle) },
    ...make('characters', cast.map((c) => c.character)),
    ...make('cast', cast.map((c) => c.person)),
  ];
}

/** Creates the flow; `save` adds the checked names to the watchlist (through the watchlists model). */
export function createTvmazeModel(
  api: TvmazeClient,
  save: (group: TermGroup, terms: string[]) => Promise<unknown>,
) {
  const phase = signal<'idle' | 'busy' | 'results' | 'review'>('idle');
  const results = signal<TvmazeShow[]>([]);
  const picked = signal<TvmazeShow | null>(null);
  const candidates = signal<Candidate[]>([]);
  const error = signal<string | null>(null);

  const attempt = async (next: typeof phase.value, work: () => Promise<void>) => {
    const before = phase.value;
    phase.value = 'busy';
    error.value = null;
    try {
      await work();
      phase.value = next;
    } catch (e) {
      error.value = tvmazeErrorText(e);
      phase.value = before;
    }
  };

  return {
    phase,
    results,
    picked,
    candidates,
    error,
    /** Searches shows by name; an empty result is shown as "no shows found" by the component. */
    search(query: string) {
      if (query.trim() === '') return Promise.resolve();
      return attempt('results', async () => {
        results.value = await api.searchShows(query);
      });
    },
    pick(show: TvmazeShow, listTitle: string) {
      return attempt('review', async () => {
        candidates.value = candidatesFor(show, await api.castOf(show.id), listTitle);
        picked.value = show;
      });
    },
    toggle(index: number) {
      candidates.value = candidates.value.map((c, i) => (i === index ? { ...c, checked: !c.checked } : c));
    },
    async save() {
      const chosen = candidates.value.filter((c) => c.checked);
      for (const group of TERM_GROUPS) {
        const terms = chosen.filter((c) => c.group === group).map((c) => c.name);
        if (terms.length > 0) await save(group, terms);
      }
      this.cancel();
    },
    cancel() {
      phase.value = 'idle';
      results.value = [];
      candidates.value = [];
      picked.value = null;
      error.value = null;
    },
  };
}

/** The TVmaze fill model. */
export type TvmazeModel = ReturnType<typeof createTvmazeModel>;
