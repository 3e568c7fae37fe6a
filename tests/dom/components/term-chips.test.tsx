import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TermChips } from '../../../components/term-chips';
import { installI18n } from './helpers';

beforeEach(installI18n);

function setup(terms: string[] = []) {
  const onAdd = vi.fn();
  const onRemove = vi.fn();
  render(<TermChips label="Characters" terms={terms} onAdd={onAdd} onRemove={onRemove} />);
  const input = screen.getByRole('textbox', { name: 'Add to Characters' }) as HTMLInputElement;
  return { onAdd, onRemove, input };
}

describe('TermChips', () => {
  it('adds the typed term on Enter and clears the input', () => {
    const { onAdd, input } = setup();
    fireEvent.input(input, { target: { value: 'Clay Jensen' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onAdd).toHaveBeenCalledWith(['Clay Jensen']);
    expect(input.value).toBe('');
  });

  it('adds the typed term on comma', () => {
    const { onAdd, input } = setup();
    fireEvent.input(input, { target: { value: 'Hannah Baker' } });
    fireEvent.keyDown(input, { key: ',' });
    expect(onAdd).toHaveBeenCalledWith(['Hannah Baker']);
  });

  it('adds terms ended by a comma that arrives as input (IME, mobile), keeping the rest', () => {
    const { onAdd, input } = setup();
    fireEvent.input(input, { target: { value: 'Justin Foley, Jess' } });
    expect(onAdd).toHaveBeenCalledWith(['Justin Foley']);
    expect(input.value).toBe('Jess');
  });

  it('adds nothing for Enter on an empty input', () => {
    const { onAdd, input } = setup();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('adds every line of a pasted list at once, de-duplicated', () => {
    const { onAdd, input } = setup();
    const text = 'Clay Jensen\nHannah Baker\r\n\nclay jensen\nTony Padilla';
    fireEvent.paste(input, { clipboardData: { getData: () => text } });
    expect(onAdd).toHaveBeenCalledWith(['Clay Jensen', 'Hannah Baker', 'Tony Padilla']);
  });

  it('adds a comma-separated paste at once', () => {
    const { onAdd, input } = setup();
    fireEvent.paste(input, { clipboardData: { getData: () => 'Dylan Minnette, Katherine Langford,Alisha Boe' } });
    expect(onAdd).toHaveBeenCalledWith(['Dylan Minnette', 'Katherine Langford', 'Alisha Boe']);
  });

  it('lets a single-word paste through as ordinary text', () => {
    const { onAdd, input } = setup();
    fireEvent.paste(input, { clipboardData: { getData: () => 'Clay' } });
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('shows each term as a chip whose × removes it and returns focus to the input', () => {
    const { onRemove, input } = setup(['Clay Jensen', 'Hannah Baker']);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Clay Jensen×', 'Hannah Baker×']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Hannah Baker”' }));
    expect(onRemove).toHaveBeenCalledWith('Hannah Baker');
    expect(document.activeElement).toBe(input);
  });
});
