// The Archivio tab's settings: switch states, the retention values, changes sent once and shown at once.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveSettings } from '@/entrypoints/postmaster/settings/ArchiveSettings';
import { nextPurgeText } from '@/entrypoints/postmaster/settings/NextPurge';
import { useDictionary } from '@/utils/i18n';
import { marioStatus, plain, renderForOrigin, standInBackground, useItalian } from './support';

const MARIO = 'mario.rossi@example.it';
const LUCA = 'luca.neri@example.it';
const ORIGIN = 'http://127.0.0.1:8787';
const lucaOff = () =>
  marioStatus({
    address: LUCA,
    archiveAddress: 'luca.neri_example.it@archivio.postassl.it',
    enabled: false,
    retentionMonths: null,
    usedBytes: 0,
    messageCount: 0,
  });

beforeEach(useItalian);
afterEach(() => {
  cleanup();
  useDictionary('it', null);
});

const switchNamed = (name: string) => screen.getByRole('switch', { name });

describe('ArchiveSettings', () => {
  it('shows mario as the provider has him: on, read-only, IMAP off, 24 months, next deletion window', async () => {
    standInBackground([marioStatus({ nextPurge: { dueFrom: '2026-12-02T16:10:51.000Z', dueTo: '2026-12-30T09:15:22.000Z', count: 15 } })]);
    renderForOrigin(<ArchiveSettings mailbox={MARIO} onRequestDisable={() => undefined} />, ORIGIN);
    await screen.findByRole('switch', { name: 'Archivio attivo' });
    expect(switchNamed('Archivio attivo').getAttribute('aria-checked')).toBe('true');
    expect(switchNamed('Archivio in scrittura').getAttribute('aria-checked')).toBe('false');
    expect(plain(switchNamed('Archivio in scrittura').textContent)).toBe('Sola lettura');
    expect(switchNamed("Accesso all'Archivio tramite IMAP").getAttribute('aria-checked')).toBe('false');
    const retention = screen.getByLabelText('Impostazioni di cancellazione') as HTMLSelectElement;
    expect(retention.value).toBe('24');
    expect([...retention.options].map((option) => plain(option.textContent))).toEqual([
      'Mai',
      '6 mesi',
      '12 mesi',
      '18 mesi',
      '24 mesi',
      '30 mesi',
      '36 mesi',
      '42 mesi',
      '48 mesi',
    ]);
    expect(screen.getByText(/2-3 giorni prima o dopo/)).toBeTruthy();
    expect(plain(document.querySelector('[data-next-purge]')?.textContent)).toBe(
      'Prossima cancellazione15 messaggi, tra il 2 dicembre 2026 e il 30 dicembre 2026.',
    );
    expect(plain(screen.getByRole('meter').getAttribute('aria-valuetext'))).toBe('300 MiB di 1 GiB · 29%');
    expect(plain(document.querySelector('[data-plan]')?.textContent)).toBe('Archivio 1 GB');
    expect(screen.getByRole('link', { name: 'Aumenta lo spazio' }).getAttribute('href')).toBe('http://127.0.0.1:8787/#/piani');
    expect(plain(document.querySelector('[data-field="archiveAddress"] .arc-field__text')?.textContent)).toBe(
      'mario.rossi_example.it@archivio.postassl.it',
    );
    expect(screen.getByRole('button', { name: 'Copia Server posta in entrata' })).toBeTruthy();
  });

  it('sends each change once and shows the new state at once', async () => {
    const background = standInBackground([marioStatus()]);
    renderForOrigin(<ArchiveSettings mailbox={MARIO} onRequestDisable={() => undefined} />, ORIGIN);
    fireEvent.click(await screen.findByRole('switch', { name: 'Archivio in scrittura' }));
    await waitFor(() => expect(switchNamed('Archivio in scrittura').getAttribute('aria-checked')).toBe('true'));
    expect(plain(switchNamed('Archivio in scrittura').textContent)).toBe('In scrittura');

    fireEvent.click(switchNamed("Accesso all'Archivio tramite IMAP"));
    await waitFor(() => expect(switchNamed("Accesso all'Archivio tramite IMAP").getAttribute('aria-checked')).toBe('true'));

    fireEvent.change(screen.getByLabelText('Impostazioni di cancellazione'), { target: { value: '36' } });
    await waitFor(() => expect((screen.getByLabelText('Impostazioni di cancellazione') as HTMLSelectElement).value).toBe('36'));
    fireEvent.change(screen.getByLabelText('Impostazioni di cancellazione'), { target: { value: 'never' } });
    await waitFor(() => expect((screen.getByLabelText('Impostazioni di cancellazione') as HTMLSelectElement).value).toBe('never'));
    expect(screen.getByText(/Nessuna: i messaggi restano/)).toBeTruthy();

    expect(background.calls.filter((call) => call.name.startsWith('admin.')).map((call) => [call.name, call.payload])).toEqual([
      ['admin.updateSettings', { origin: ORIGIN, mailbox: MARIO, patch: { writable: true } }],
      ['admin.updateSettings', { origin: ORIGIN, mailbox: MARIO, patch: { imapAccess: true } }],
      ['admin.updateSettings', { origin: ORIGIN, mailbox: MARIO, patch: { retentionMonths: 36 } }],
      ['admin.updateSettings', { origin: ORIGIN, mailbox: MARIO, patch: { retentionMonths: null } }],
    ]);
  });

  it('asks before a shorter deletion period, and sends nothing when the postmaster cancels', async () => {
    const background = standInBackground([marioStatus()]);
    renderForOrigin(<ArchiveSettings mailbox={MARIO} onRequestDisable={() => undefined} />, ORIGIN);
    const select = () => screen.getByLabelText('Impostazioni di cancellazione') as HTMLSelectElement;
    fireEvent.change(await screen.findByLabelText('Impostazioni di cancellazione'), { target: { value: '12' } });
    const confirm = await screen.findByRole('alertdialog');
    expect(plain(confirm.textContent)).toContain('I messaggi archiviati da più di 12 mesi verranno eliminati');
    expect(select().disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(select().value).toBe('24');
    expect(background.calls.filter((call) => call.name.startsWith('admin.'))).toEqual([]);

    fireEvent.change(select(), { target: { value: '6' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Conferma: 6 mesi' }));
    await waitFor(() => expect(select().value).toBe('6'));
    expect(background.calls.filter((call) => call.name.startsWith('admin.')).map((call) => call.payload)).toEqual([
      { origin: ORIGIN, mailbox: MARIO, patch: { retentionMonths: 6 } },
    ]);
  });

  it('keeps the old state and says why when a change fails, without retrying it', async () => {
    const background = standInBackground([marioStatus()]);
    background.failNext('admin.updateSettings', MARIO, 'server');
    renderForOrigin(<ArchiveSettings mailbox={MARIO} onRequestDisable={() => undefined} />, ORIGIN);
    fireEvent.click(await screen.findByRole('switch', { name: 'Archivio in scrittura' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toContain('Modifica non riuscita');
    expect(switchNamed('Archivio in scrittura').getAttribute('aria-checked')).toBe('false');
    expect(background.calls.filter((call) => call.name === 'admin.updateSettings')).toHaveLength(1);
  });

  it('does not say "nothing was changed" when no verdict came back, and shows the change once the status has it', async () => {
    const background = standInBackground([marioStatus()]);
    // The reply was lost (a stopped worker, a dropped connection) while the provider applied the change.
    background.failNext('admin.updateSettings', MARIO, 'network');
    renderForOrigin(<ArchiveSettings mailbox={MARIO} onRequestDisable={() => undefined} />, ORIGIN);
    fireEvent.click(await screen.findByRole('switch', { name: 'Archivio in scrittura' }));
    const alert = await screen.findByRole('alert');
    expect(plain(alert.textContent)).toContain('Non è stato possibile sapere se la modifica è stata salvata');
    expect(plain(alert.textContent)).not.toContain('nulla è stato cambiato');
    background.statuses.set(MARIO, { ...background.statuses.get(MARIO)!, writable: true });
    await waitFor(() => expect(switchNamed('Archivio in scrittura').getAttribute('aria-checked')).toBe('true'), { timeout: 4_000 });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(background.calls.filter((call) => call.name === 'admin.updateSettings')).toHaveLength(1);
  });

  it('asks the caller for the typed confirmation instead of disabling, and enables a disabled archive directly', async () => {
    const background = standInBackground([marioStatus(), lucaOff()]);
    const requestDisable = vi.fn();
    renderForOrigin(<ArchiveSettings mailbox={MARIO} onRequestDisable={requestDisable} />, ORIGIN);
    fireEvent.click(await screen.findByRole('switch', { name: 'Archivio attivo' }));
    expect(requestDisable).toHaveBeenCalledTimes(1);
    expect(background.calls.some((call) => call.name === 'admin.disable')).toBe(false);
    expect(switchNamed('Archivio attivo').getAttribute('aria-checked')).toBe('true');
    cleanup();

    renderForOrigin(<ArchiveSettings mailbox={LUCA} onRequestDisable={requestDisable} />, ORIGIN);
    const main = await screen.findByRole('switch', { name: 'Archivio attivo' });
    expect(main.getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByRole('switch', { name: 'Archivio in scrittura' })).toBeNull();
    expect(screen.queryByLabelText('Impostazioni di cancellazione')).toBeNull();
    fireEvent.click(main);
    await waitFor(() => expect(switchNamed('Archivio attivo').getAttribute('aria-checked')).toBe('true'));
    expect(switchNamed('Archivio in scrittura').getAttribute('aria-checked')).toBe('false');
    expect(background.calls.filter((call) => call.name === 'admin.enable')).toHaveLength(1);
  });

  it('reloads when the background says the mailbox changed elsewhere', async () => {
    const background = standInBackground([marioStatus()]);
    renderForOrigin(<ArchiveSettings mailbox={MARIO} onRequestDisable={() => undefined} />, ORIGIN);
    await screen.findByRole('switch', { name: 'Archivio attivo' });
    background.statuses.set(MARIO, marioStatus({ imapAccess: true }));
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'archivio/event', origin: ORIGIN, account: 'postmaster@example.it', scope: 'mailbox', mailbox: 'giulia.verdi@example.it' },
      {},
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(switchNamed("Accesso all'Archivio tramite IMAP").getAttribute('aria-checked')).toBe('false');
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'archivio/event', origin: ORIGIN, account: 'postmaster@example.it', scope: 'mailbox', mailbox: MARIO },
      {},
    );
    await waitFor(() => expect(switchNamed("Accesso all'Archivio tramite IMAP").getAttribute('aria-checked')).toBe('true'));
  });
});

describe('nextPurgeText', () => {
  it('writes the window in correct Italian, with the article elided before 8 and 11', () => {
    const status = marioStatus({ nextPurge: { dueFrom: '2026-12-02T12:00:00.000Z', dueTo: '2026-12-08T12:00:00.000Z', count: 1 } });
    expect(nextPurgeText(status, 'it-IT')).toBe("1 messaggio, tra il 2 dicembre 2026 e l'8 dicembre 2026.");
    expect(
      nextPurgeText({ ...status, nextPurge: { dueFrom: '2026-12-11T12:00:00.000Z', dueTo: '2026-12-18T12:00:00.000Z', count: 3 } }, 'it-IT'),
    ).toBe("3 messaggi, tra l'11 dicembre 2026 e il 18 dicembre 2026.");
  });
});
