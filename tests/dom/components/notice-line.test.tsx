import { render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoticeLine } from '../../../components/notice-line';
import type { Notice } from '../../../lib/ui/watchlists-model';
import { fakeWatchlist } from '../../unit/factories';
import { installI18n } from './helpers';

beforeEach(installI18n);

describe('NoticeLine', () => {
  it('moves focus to Undo once per deletion, not on every re-render', () => {
    const notice: Notice = { kind: 'status', text: 'Deleted “Dark”.', undo: fakeWatchlist({ title: 'Dark' }) };
    const { rerender } = render(<><input aria-label="elsewhere" /><NoticeLine notice={notice} onUndo={() => {}} /></>);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    const elsewhere = screen.getByLabelText('elsewhere');
    elsewhere.focus();
    rerender(<><input aria-label="elsewhere" /><NoticeLine notice={notice} onUndo={() => {}} /></>);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('announces errors as an alert and other messages as a status, never both', () => {
    const { rerender } = render(<NoticeLine notice={{ kind: 'error', text: 'This file is not valid JSON' }} />);
    expect(screen.getByRole('alert').textContent).toContain('not valid JSON');
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<NoticeLine notice={{ kind: 'status', text: 'Imported: 1 new, 0 merged.' }} />);
    expect(screen.getByRole('status').textContent).toContain('Imported');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
