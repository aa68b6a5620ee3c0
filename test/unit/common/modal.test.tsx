// The one dialog of every page (archive app, postmaster frames): focus in and kept, Escape, focus back, busy.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dialog } from '@/components/Dialog';
import { useDictionary } from '@/utils/i18n';
import { useLanguage } from '../archive/i18n';

beforeEach(() => useLanguage('it'));
afterEach(() => {
  cleanup();
  useDictionary('it', null);
});

/** A page with an opener button and, below the dialog, a listener standing for the view's own Escape. */
function Page({ busy = false, onViewEscape }: { busy?: boolean; onViewEscape(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <div onKeyDown={(event) => event.key === 'Escape' && onViewEscape()}>
      <button type="button" onClick={() => setOpen(true)}>
        Apri
      </button>
      {open ? (
        <Dialog title="Titolo" busy={busy} onClose={() => setOpen(false)}>
          <button type="button">Primo</button>
          <button type="button">Ultimo</button>
        </Dialog>
      ) : null}
    </div>
  );
}

describe('dialog', () => {
  it('takes focus, keeps Tab inside, closes on Escape without the view below seeing it, and gives focus back', () => {
    let viewEscapes = 0;
    render(<Page onViewEscape={() => viewEscapes++} />);
    const opener = screen.getByRole('button', { name: 'Apri' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Titolo' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Primo' }));
    screen.getByRole('button', { name: 'Ultimo' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Primo' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ultimo' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(viewEscapes).toBe(0);
    expect(document.activeElement).toBe(opener);
  });

  it('closes when the backdrop is pressed, not the box', () => {
    render(<Page onViewEscape={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Apri' }));
    const dialog = screen.getByRole('dialog', { name: 'Titolo' });
    fireEvent.mouseDown(dialog);
    expect(screen.queryByRole('dialog')).not.toBeNull();
    fireEvent.mouseDown(dialog.parentElement!);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

it('a busy dialog stays open on Escape and on the backdrop (its outcome must be seen)', () => {
  render(<Page busy onViewEscape={() => undefined} />);
  fireEvent.click(screen.getByRole('button', { name: 'Apri' }));
  const dialog = screen.getByRole('dialog', { name: 'Titolo' });
  fireEvent.keyDown(dialog, { key: 'Escape' });
  fireEvent.mouseDown(dialog.parentElement!);
  expect(screen.queryByRole('dialog')).not.toBeNull();
});
