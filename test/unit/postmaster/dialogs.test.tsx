// Disable confirmation (exact address, sent once), enable confirmation, and the bulk panel's per-mailbox results.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BulkPanel } from '@/entrypoints/postmaster/bulk/BulkPanel';
import { DisableDialog } from '@/entrypoints/postmaster/dialogs/DisableDialog';
import { EnableDialog } from '@/entrypoints/postmaster/dialogs/EnableDialog';
import { useDictionary } from '@/utils/i18n';
import { marioStatus, plain, renderForOrigin, standInBackground, useItalian } from './support';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
const LUCA = 'luca.neri@example.it';
const ORIGIN = 'http://127.0.0.1:8787';
const status = (address: string, enabled = true) =>
  marioStatus({ address, enabled, archiveAddress: `${address.replace('@', '_')}@archivio.postassl.it` });

beforeEach(useItalian);
afterEach(() => {
  cleanup();
  useDictionary('it', null);
});

describe('DisableDialog', () => {
  const confirmButton = () => screen.getByRole('button', { name: 'Disattiva e cancella tutto' }) as HTMLButtonElement;
  const input = () => screen.getByLabelText(/Per confermare, digita l'indirizzo della casella/) as HTMLInputElement;

  it('says what is lost, and stays unavailable until the address is typed exactly', async () => {
    const background = standInBackground([status(MARIO)]);
    renderForOrigin(<DisableDialog mailbox={MARIO} onClose={() => undefined} />, ORIGIN);
    const dialog = screen.getByRole('alertdialog', { name: `Disattivare l'archivio di ${MARIO}?` });
    expect(plain(dialog.textContent)).toContain('andranno persi tutti i messaggi e gli allegati');
    expect(await within(dialog).findByText(/L'archivio contiene 360 messaggi \(300 MiB\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Esporta prima' })).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
    for (const variant of [
      'MARIO.ROSSI@EXAMPLE.IT',
      'Mario.Rossi@example.it',
      ` ${MARIO}`,
      `${MARIO} `,
      'mario.rossi@example',
      'luca.neri@example.it',
    ]) {
      fireEvent.input(input(), { target: { value: variant } });
      expect(confirmButton().disabled, variant).toBe(true);
      fireEvent.keyDown(input(), { key: 'Enter' });
    }
    expect(screen.getByText("L'indirizzo non corrisponde: digitalo esattamente.")).toBeTruthy();
    expect(background.calls.some((call) => call.name === 'admin.disable')).toBe(false);

    fireEvent.input(input(), { target: { value: MARIO } });
    expect(confirmButton().disabled).toBe(false);
    fireEvent.click(confirmButton());
    expect(await screen.findByText(`L'archivio di ${MARIO} è stato disattivato e il suo contenuto cancellato.`)).toBeTruthy();
    expect(background.calls.filter((call) => call.name === 'admin.disable').map((call) => call.payload)).toEqual([
      { origin: ORIGIN, mailbox: MARIO, confirm: MARIO },
    ]);
    expect(background.statuses.get(MARIO)!.enabled).toBe(false);
  });

  it('counts a single archived message in the singular', async () => {
    standInBackground([marioStatus({ address: MARIO, messageCount: 1, usedBytes: 2048 })]);
    renderForOrigin(<DisableDialog mailbox={MARIO} onClose={() => undefined} />, ORIGIN);
    expect(plain((await screen.findByText(/L'archivio contiene/)).textContent)).toBe("L'archivio contiene 1 messaggio (2 KiB).");
  });

  it('reports a failed disable without retrying it, and leaves the choice to the user', async () => {
    const background = standInBackground([status(MARIO)]);
    background.failNext('admin.disable', MARIO, 'timeout');
    const onClose = vi.fn();
    renderForOrigin(<DisableDialog mailbox={MARIO} onClose={onClose} />, ORIGIN);
    fireEvent.input(input(), { target: { value: MARIO } });
    fireEvent.click(confirmButton());
    expect(plain((await screen.findByRole('alert')).textContent)).toContain("Disattivazione non riuscita, l'archivio è intatto.");
    expect(background.calls.filter((call) => call.name === 'admin.disable')).toHaveLength(1);
    expect(background.statuses.get(MARIO)!.enabled).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
    expect(onClose).toHaveBeenCalledWith(false);
  });

  it('keeps focus inside and closes on Escape', async () => {
    const background = standInBackground([status(MARIO)]);
    const onClose = vi.fn();
    renderForOrigin(<DisableDialog mailbox={MARIO} onClose={onClose} />, ORIGIN);
    // Focus starts on the harmless choice, not in the address field, and Enter there submits nothing.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Annulla' }));
    fireEvent.input(input(), { target: { value: MARIO } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(background.calls.some((call) => call.name === 'admin.disable')).toBe(false);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.input(input(), { target: { value: '' } });
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // The last enabled control is "Annulla" while the confirmation is unavailable: Tab wraps to the first.
    screen.getByRole('button', { name: 'Annulla' }).focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Esporta prima' }));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Annulla' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledWith(false);
  });
});

describe('EnableDialog', () => {
  it('turns the archive on once and closes saying something changed', async () => {
    const background = standInBackground([status(LUCA, false)]);
    const onClose = vi.fn();
    renderForOrigin(<EnableDialog mailbox={LUCA} onClose={onClose} />, ORIGIN);
    expect(screen.getByRole('dialog', { name: `Attivare l'archivio di ${LUCA}?` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Attiva l'archivio" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(true));
    expect(background.calls.filter((call) => call.name === 'admin.enable')).toHaveLength(1);
    expect(background.statuses.get(LUCA)!.enabled).toBe(true);
  });

  it('when the reply is lost, says the outcome is unknown, does not send it again, and shows the archive on once read back', async () => {
    const background = standInBackground([status(LUCA, false)]);
    background.loseReplyNext('admin.enable', LUCA, 'network');
    const onClose = vi.fn();
    renderForOrigin(<EnableDialog mailbox={LUCA} onClose={onClose} />, ORIGIN);
    fireEvent.click(screen.getByRole('button', { name: "Attiva l'archivio" }));
    const verdict = await screen.findByText("Il server conferma: l'archivio è attivo.");
    expect(plain(verdict.textContent)).not.toContain('nulla è stato cambiato');
    expect(background.calls.filter((call) => call.name === 'admin.enable')).toHaveLength(1);
    expect(background.calls.some((call) => call.name === 'status.get' && call.payload.mailbox === LUCA)).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Chiudi' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('when the reply is lost and the provider never applied it, says so only after reading the status back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const background = standInBackground([status(LUCA, false)]);
      background.failNext('admin.enable', LUCA, 'timeout');
      const onClose = vi.fn();
      renderForOrigin(<EnableDialog mailbox={LUCA} onClose={onClose} />, ORIGIN);
      const confirm = () => screen.getByRole('button', { name: "Attiva l'archivio" }) as HTMLButtonElement;
      fireEvent.click(confirm());
      const checking = await screen.findByRole('status');
      expect(plain(checking.textContent)).toContain("Non si sa se l'archivio è stato attivato");
      expect(plain(checking.textContent)).not.toContain('nulla è stato cambiato');
      // No blind retry while the outcome is unknown; cancelling stays possible.
      expect(confirm().disabled).toBe(true);
      expect((screen.getByRole('button', { name: 'Annulla' }) as HTMLButtonElement).disabled).toBe(false);
      await vi.advanceTimersByTimeAsync(22_000);
      expect(plain((await screen.findByRole('alert')).textContent)).toBe(
        "Il server conferma: l'archivio non è stato attivato, nulla è stato cambiato.",
      );
      expect(background.calls.filter((call) => call.name === 'admin.enable')).toHaveLength(1);
      expect(background.calls.filter((call) => call.name === 'status.get').length).toBeGreaterThan(1);
      expect(background.statuses.get(LUCA)!.enabled).toBe(false);
      expect(confirm().disabled).toBe(false);
      fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
      expect(onClose).toHaveBeenCalledWith(false);
    } finally {
      // Preact's after-paint timers run before the real clock returns, not after the page is gone.
      cleanup();
      await vi.advanceTimersByTimeAsync(200);
      vi.useRealTimers();
    }
  });

  it('keeps "nulla è stato cambiato" for a clear refusal, and reads nothing back', async () => {
    const background = standInBackground([status(LUCA, false)]);
    background.failNext('admin.enable', LUCA, 'rate_limited');
    renderForOrigin(<EnableDialog mailbox={LUCA} onClose={() => undefined} />, ORIGIN);
    fireEvent.click(screen.getByRole('button', { name: "Attiva l'archivio" }));
    expect(plain((await screen.findByRole('alert')).textContent)).toContain('Modifica non riuscita, nulla è stato cambiato.');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(background.calls.some((call) => call.name === 'status.get')).toBe(false);
  });
});

describe('BulkPanel', () => {
  const results = () => screen.getByRole('list', { name: 'Esito per casella' });
  const row = (mailbox: string) => results().querySelector<HTMLElement>(`[data-mailbox="${mailbox}"]`)!;

  it('sets the deletion period for all, shows the one failure, and a retry fixes it', async () => {
    const background = standInBackground([status(MARIO), status(GIULIA), status(LUCA)]);
    background.failNext('admin.updateSettings', GIULIA, 'server');
    const onClose = vi.fn();
    renderForOrigin(<BulkPanel mailboxes={[MARIO, GIULIA, LUCA]} onClose={onClose} />, ORIGIN);
    expect(screen.getByRole('dialog', { name: 'Archivio di 3 caselle' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Imposta il periodo di cancellazione' }));
    fireEvent.change(screen.getByLabelText('Cancella i messaggi dopo'), { target: { value: '36' } });
    fireEvent.click(screen.getByRole('button', { name: 'Applica a 3 caselle' }));
    // A period that may shorten some archives waits for a second, explicit yes; nothing was sent yet.
    const confirmation = screen.getByRole('alertdialog', { name: /saranno cancellati per sempre i messaggi più vecchi di 36 mesi/ });
    expect(background.calls.some((call) => call.name === 'admin.updateSettings')).toBe(false);
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Sì, cancella dopo 36 mesi in 3 caselle' }));

    await screen.findByText('Riuscite: 2. Non riuscite: 1 — puoi riprovarle.');
    expect(row(MARIO).dataset.state).toBe('done');
    expect(row(LUCA).dataset.state).toBe('done');
    expect(row(GIULIA).dataset.state).toBe('failed');
    expect(plain(row(GIULIA).textContent)).toContain("Il server dell'archivio ha restituito un errore.");
    expect(background.statuses.get(MARIO)!.retentionMonths).toBe(36);
    expect(background.statuses.get(LUCA)!.retentionMonths).toBe(36);
    expect(background.statuses.get(GIULIA)!.retentionMonths).toBe(24);
    expect(screen.getByText('Periodo di cancellazione: 36 mesi')).toBeTruthy();

    fireEvent.click(within(row(GIULIA)).getByRole('button', { name: `Riprova ${GIULIA}` }));
    await screen.findByText('Fatto per tutte le caselle (3).');
    expect(row(GIULIA).dataset.state).toBe('done');
    expect(background.statuses.get(GIULIA)!.retentionMonths).toBe(36);
    const sent = background.calls.filter((call) => call.name === 'admin.updateSettings');
    expect(sent.map((call) => call.payload.mailbox)).toEqual([MARIO, GIULIA, LUCA, GIULIA]);
    expect(sent.every((call) => JSON.stringify(call.payload.patch) === '{"retentionMonths":36}')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Chiudi' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('reports a mailbox whose archive is off instead of skipping it, and "Riprova le non riuscite" retries all failures', async () => {
    const background = standInBackground([status(MARIO), status(LUCA, false)]);
    background.failNext('admin.updateSettings', MARIO, 'rate_limited');
    renderForOrigin(<BulkPanel mailboxes={[MARIO, LUCA]} onClose={() => undefined} />, ORIGIN);
    fireEvent.click(screen.getByRole('radio', { name: "Accesso all'Archivio tramite IMAP" }));
    fireEvent.click(screen.getByRole('radio', { name: 'Attiva' }));
    fireEvent.click(screen.getByRole('button', { name: 'Applica a 2 caselle' }));
    await screen.findByText('Riuscite: 0. Non riuscite: 2 — puoi riprovarle.');
    expect(plain(row(LUCA).textContent)).toContain("L'archivio di questa casella non è attivo: attivalo prima.");
    expect(plain(row(MARIO).textContent)).toContain('Troppe richieste');

    fireEvent.click(screen.getByRole('button', { name: 'Riprova le non riuscite (2)' }));
    await screen.findByText('Riuscite: 1. Non riuscite: 1 — puoi riprovarle.');
    expect(row(MARIO).dataset.state).toBe('done');
    expect(row(LUCA).dataset.state).toBe('failed');
    expect(background.statuses.get(MARIO)!.imapAccess).toBe(true);
  });

  it('turns the archive on for every selected mailbox', async () => {
    const background = standInBackground([status(LUCA, false), status(GIULIA, false)]);
    renderForOrigin(<BulkPanel mailboxes={[LUCA, GIULIA]} onClose={() => undefined} />, ORIGIN);
    expect((screen.getByRole('radio', { name: "Attiva l'archivio" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Applica a 2 caselle' }));
    await screen.findByText('Fatto per tutte le caselle (2).');
    expect(background.calls.filter((call) => call.name === 'admin.enable').map((call) => call.payload.mailbox)).toEqual([LUCA, GIULIA]);
    expect([...background.statuses.values()].every((archive) => archive.enabled)).toBe(true);
  });

  it('reads back each mailbox whose reply was lost and shows its real result, never sending it twice', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const background = standInBackground([status(MARIO, false), status(GIULIA, false), status(LUCA, false)]);
      background.loseReplyNext('admin.enable', LUCA, 'network');
      background.failNext('admin.enable', GIULIA, 'timeout');
      renderForOrigin(<BulkPanel mailboxes={[MARIO, GIULIA, LUCA]} onClose={() => undefined} />, ORIGIN);
      fireEvent.click(screen.getByRole('button', { name: 'Applica a 3 caselle' }));
      await waitFor(() => expect(row(LUCA).dataset.state).toBe('done'));
      expect(row(MARIO).dataset.state).toBe('done');
      expect(row(GIULIA).dataset.state).toBe('checking');
      expect(plain(row(GIULIA).textContent)).toContain('Esito incerto, verifica…');
      expect(plain(row(GIULIA).textContent)).not.toContain('nulla è stato cambiato');
      expect(screen.queryByRole('button', { name: /Riprova/ })).toBeNull();
      await vi.advanceTimersByTimeAsync(22_000);
      await screen.findByText('Riuscite: 2. Non riuscite: 1 — puoi riprovarle.');
      expect(row(GIULIA).dataset.state).toBe('failed');
      expect(plain(row(GIULIA).textContent)).toContain('Il server non ha risposto e la modifica non risulta applicata: nulla è stato cambiato.');
      expect(background.calls.filter((call) => call.name === 'admin.enable').map((call) => call.payload.mailbox)).toEqual([MARIO, GIULIA, LUCA]);
      expect(background.statuses.get(GIULIA)!.enabled).toBe(false);
      expect(background.statuses.get(LUCA)!.enabled).toBe(true);
    } finally {
      // Preact's after-paint timers run before the real clock returns, not after the page is gone.
      cleanup();
      await vi.advanceTimersByTimeAsync(200);
      vi.useRealTimers();
    }
  });
});
