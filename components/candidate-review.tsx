import type { TermGroup } from '../lib/shared/watchlist';
import { t, type MessageKey } from '../lib/ui/i18n';

const GROUP_LABEL: Record<TermGroup, MessageKey> = {
  characters: 'group_characters',
  cast: 'group_cast',
  keywords: 'group_keywords',
};

export interface Candidate {
  name: string;
  group: TermGroup;
  checked: boolean;
}

/** The names found for a show, each with its group and a checkbox: the user keeps those they want. */
export function CandidateReview({ show, candidates, toggle }: { show: string; candidates: readonly Candidate[]; toggle(index: number): void }) {
  return (
    <fieldset>
      <legend>{t('tvmaze_review', show)}</legend>
      <ul class="candidates">
        {candidates.map((c, i) => (
          <li key={`${c.group}:${c.name}`}>
            <label>
              <input type="checkbox" checked={c.checked} onChange={() => toggle(i)} /> {c.name}{' '}
              <span class="count">({t(GROUP_LABEL[c.group])})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
