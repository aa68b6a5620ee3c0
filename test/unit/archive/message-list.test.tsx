// The virtual message list: a bounded number of rows in the DOM for 20,000 messages, keyboard and screen readers.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDictionary } from '@/utils/i18n';
import { ListingSource } from '@/entrypoints/archive/list/listing-source';
import { modeOfFolder } from '@/entrypoints/archive/labels';
import { MessageList } from '@/entrypoints/archive/list/MessageList';
import { syntheticListing } from './fixtures';
import { useLanguage } from './i18n';
import { installLayoutShim } from './layout-shim';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = installLayoutShim(600);
  useLanguage('it');
});
afterAll(() => {
  restoreLayout();
  useDictionary('it', null);
});
afterEach(cleanup);

function renderList(total: number, onOpen = vi.fn(), onEscape = vi.fn()) {
  const listing = syntheticListing(total);
  const source = new ListingSource(listing.fetchWindow, { pageSize: 100 });
  render(
    <div style="height:600px">
      <MessageList
        source={source}
        label="Messaggi in Posta in arrivo"
        modeOf={(s) => modeOfFolder('inbox', s)}
        openId={null}
        onOpen={onOpen}
        onEscape={onEscape}
        emptyText="vuota"
      />
    </div>,
  );
  return { ...listing, source, onOpen, onEscape, list: screen.getByRole('listbox', { name: 'Messaggi in Posta in arrivo' }) };
}

const rows = () => screen.queryAllByRole('option');
const MAX_ROWS = 40; // 600 px of 60 px rows plus overscan, far from 20,000

describe('MessageList', () => {
  it('keeps only the visible rows in the DOM for 20,000 messages, fetching windows as it scrolls', async () => {
    const { list, calls } = renderList(20_000);
    await waitFor(() => expect(screen.getAllByRole('option')[0]?.getAttribute('aria-label')).toMatch(/^Mittente 0,/));
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('20000');
    expect(calls).toEqual([[0, 100]]);

    list.scrollTop = 60 * 15_000;
    fireEvent.scroll(list);
    await waitFor(() => expect(rows().some((row) => row.getAttribute('aria-posinset') === '15001')).toBe(true));
    await waitFor(() => expect(screen.getByText('Messaggio numero 15000')).toBeTruthy());
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls.some(([offset]) => offset === 15_000)).toBe(true);
  });

  it('moves with arrows, Home, End and Page keys, opens with Enter and leaves with Esc', async () => {
    const { list, onOpen, onEscape } = renderList(20_000);
    await waitFor(() => expect(screen.getByText('Messaggio numero 0')).toBeTruthy());
    fireEvent.focus(list);
    expect(list.getAttribute('aria-activedescendant')).toBe('row-0');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('row-2');
    expect(document.getElementById('row-2')?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'm000001' }), 1);
    fireEvent.keyDown(list, { key: 'End' });
    expect(list.getAttribute('aria-activedescendant')).toBe('row-19999');
    await waitFor(() => expect(document.getElementById('row-19999')?.getAttribute('aria-label')).toMatch(/^Mittente 19999,/));
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS);
    fireEvent.keyDown(list, { key: 'PageUp' });
    expect(Number(list.getAttribute('aria-activedescendant')?.slice(4))).toBeLessThan(19_999 - 5);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(list.getAttribute('aria-activedescendant')).toBe('row-0');
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledTimes(1);
  });

  it('says when a folder is empty', async () => {
    renderList(0);
    await waitFor(() => expect(screen.getByText('vuota')).toBeTruthy());
    expect(rows()).toHaveLength(0);
  });

  it('opens a message on click and marks the attachment in the label', async () => {
    const { onOpen } = renderList(50);
    await waitFor(() => expect(screen.getByText('Messaggio numero 5')).toBeTruthy());
    const row = screen.getByRole('option', { name: /^Mittente 5,.*con allegati$/ });
    fireEvent.click(row);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'm000005' }), 5);
  });
});
