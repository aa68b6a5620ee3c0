// Popup panels: status, quota warnings and estimate, client settings with copy confirmation, IMAP for the postmaster.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuotaBar } from '@/components/QuotaBar';
import { ClientSetup } from '@/entrypoints/popup/ClientSetup';
import { QuotaPanel } from '@/entrypoints/popup/QuotaPanel';
import { StatusPanel } from '@/entrypoints/popup/StatusPanel';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { useDictionary } from '@/utils/i18n';
import { referenceProfile } from '@/utils/providers/profile';
import { english, marioStatus } from '../client-profiles/fixtures';
import { installClipboard, renderForOrigin, standInBackground, useItalian } from './support';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const profile = referenceProfile(8787);
const plain = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ');

beforeEach(useItalian);
afterEach(() => {
  cleanup();
  useDictionary('it', null);
  vi.useRealTimers();
});

describe('StatusPanel', () => {
  it('shows read-only, IMAP off and 24 months for mario', () => {
    render(<StatusPanel status={marioStatus()} locale="it-IT" />);
    const row = (name: string) => plain(document.querySelector(`[data-status="${name}"] dd`)?.textContent);
    expect(row('enabled')).toBe('Attivo');
    expect(row('mode')).toBe('Sola lettura');
    expect(row('imap')).toBe('Non attivo');
    expect(row('retention')).toBe('dopo 24 mesi');
    expect(row('plan')).toBe('Archivio 1 GB');
  });

  it('shows write mode, IMAP on and no deletion for giulia', () => {
    render(
      <StatusPanel
        status={marioStatus({ address: 'giulia.verdi@example.it', writable: true, imapAccess: true, retentionMonths: null })}
        locale="it-IT"
      />,
    );
    const row = (name: string) => plain(document.querySelector(`[data-status="${name}"] dd`)?.textContent);
    expect(row('mode')).toBe('Scrittura');
    expect(row('imap')).toBe('Attivo');
    expect(row('retention')).toBe('disattivata');
  });

  it('says only the postmaster can turn a disabled archive on', () => {
    render(<StatusPanel status={marioStatus({ enabled: false })} locale="it-IT" />);
    expect(screen.getByText(/Può attivarlo solo il postmaster/)).toBeTruthy();
    expect(document.querySelector('[data-status="mode"]')).toBeNull();
  });

  it('tells the postmaster, on their own mailbox, where to turn it on rather than to ask the postmaster', () => {
    render(<StatusPanel status={marioStatus({ address: 'postmaster@example.it', enabled: false })} locale="it-IT" canEnable />);
    const note = document.querySelector('[data-disabled-note]')?.textContent ?? '';
    expect(note).toContain('Come postmaster puoi attivarlo nella webmail, in Gestione › Caselle.');
    expect(note).not.toContain('solo il postmaster');
  });
});

describe('QuotaPanel', () => {
  const quota = (usedBytes: number, extra: Partial<ArchiveStatus> = {}) =>
    render(<QuotaPanel status={marioStatus({ usedBytes, ...extra })} locale="it-IT" upgradeUrl="https://example.invalid/piani" />);

  it('shows used of limit in binary units and the days-until-full estimate', () => {
    quota(300 * MiB, { growth: { windowDays: 30, bytes: 60 * MiB } });
    expect(plain(screen.getByRole('meter').getAttribute('aria-valuetext'))).toBe('300 MiB di 1 GiB · 29%');
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('29');
    // 724 MiB free at 2 MiB a day.
    expect(plain(document.querySelector('[data-days-until-full]')?.textContent)).toBe(
      'Al ritmo degli ultimi 30 giorni sarà pieno tra circa 362 giorni.',
    );
    expect(document.querySelector('[data-quota-warning]')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('warns from 80 %, alerts from 95 %, and says when it is full', () => {
    quota(0.85 * GiB);
    expect(document.querySelector('[data-quota-warning]')?.textContent).toBe('Archivio quasi pieno: 85% dello spazio già usato.');
    expect(screen.getByRole('link').getAttribute('href')).toBe('http://127.0.0.1:8787/#/piani');
    cleanup();
    quota(0.96 * GiB);
    expect(screen.getByRole('alert').textContent).toContain('Spazio quasi esaurito: 96% già usato');
    cleanup();
    quota(GiB, { full: true });
    expect(screen.getByRole('alert').textContent).toBe('Archivio pieno: lo spazio è esaurito.');
    expect(document.querySelector('[data-days-until-full]')).toBeNull();
    expect(document.querySelector('.arc-quota')?.getAttribute('data-level')).toBe('full');
  });

  it('says "more than a year" rather than a meaningless figure, and gives no estimate without growth', () => {
    quota(300 * MiB, { growth: { windowDays: 30, bytes: 1 * MiB } });
    expect(document.querySelector('[data-days-until-full]')?.getAttribute('data-days-until-full')).toBe('21720');
    expect(document.querySelector('[data-days-until-full]')?.textContent).toBe(
      'Al ritmo degli ultimi 30 giorni ci vorrà più di un anno prima che sia pieno.',
    );
    cleanup();
    quota(300 * MiB, { growth: { windowDays: 30, bytes: 0 } });
    expect(document.querySelector('[data-days-until-full]')).toBeNull();
  });

  it('shows no bar and no limit for an unlimited plan', () => {
    quota(1.5 * GiB, { quotaBytes: null, plan: 'unlimited' });
    expect(plain(document.querySelector('.arc-quota__summary')?.textContent)).toBe('1,5 GiB usati · spazio illimitato');
    expect(screen.queryByRole('meter')).toBeNull();
    expect(document.querySelector('[data-days-until-full]')).toBeNull();
  });

  it('never links anywhere but http(s)', () => {
    quota(0.9 * GiB, { upgradeUrl: 'javascript:alert(1)' });
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://example.invalid/piani');
  });
});

describe('QuotaBar (shared)', () => {
  it('speaks English with the English number format, and names its meter', () => {
    useDictionary('en', english());
    render(<QuotaBar usedBytes={1.5 * GiB} quotaBytes={2 * GiB} locale="en" label="Archive space" compact />);
    const meter = screen.getByRole('meter', { name: 'Archive space' });
    expect(plain(meter.getAttribute('aria-valuetext'))).toBe('1.5 GiB of 2 GiB · 75%');
    expect(screen.queryByText('Archive space')).toBeNull();
  });
});

describe('ClientSetup', () => {
  const setup = (status: ArchiveStatus, canEnableImap = false, onStatusChanged: (status: ArchiveStatus) => void = () => undefined) =>
    renderForOrigin(
      <ClientSetup status={status} profile={profile} canEnableImap={canEnableImap} onStatusChanged={onStatusChanged} />,
      'http://127.0.0.1:8787',
    );

  it('copies each value and confirms it visibly, then goes back to "Copia"', async () => {
    const clipboard = installClipboard();
    setup(marioStatus({ imapAccess: true }));
    const button = screen.getByRole('button', { name: 'Copia Server posta in entrata' });
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copiato ✓'));
    expect(clipboard).toEqual(['imaps.archivio.postassl.it']);
    const field = document.querySelector('[data-field="imapHost"]') as HTMLElement;
    expect(within(field).getByRole('status').textContent).toBe('Copiato negli appunti: Server posta in entrata');

    fireEvent.click(screen.getAllByRole('button', { name: 'Copia Porta' })[1]!);
    await waitFor(() => expect(clipboard).toEqual(['imaps.archivio.postassl.it', '465']));
    await waitFor(() => expect(button.textContent).toBe('Copia'), { timeout: 3000 });
  });

  it('"Copia impostazioni" copies every setting as readable text', async () => {
    const clipboard = installClipboard();
    setup(marioStatus({ imapAccess: true }));
    // Its accessible name is its visible caption (WCAG 2.5.3), not a longer label that does not contain it.
    const button = screen.getByRole('button', { name: 'Copia impostazioni' });
    expect(button.getAttribute('aria-label')).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(clipboard).toHaveLength(1));
    expect(clipboard[0]).toContain('Nome (suggerito): archivio casella mario.rossi');
    expect(clipboard[0]).toContain('Server posta in uscita: smtps.archivio.postassl.it');
    expect(button.textContent).toBe('Copiato ✓');
    expect(screen.getByText('Copiato negli appunti: tutte le impostazioni')).toBeTruthy();
  });

  it('says the postmaster must turn IMAP on, without offering it to a user', () => {
    setup(marioStatus());
    expect(document.querySelector('[data-imap-off]')?.textContent).toContain('deve attivarlo il postmaster del dominio');
    expect(screen.queryByRole('button', { name: "Attiva l'accesso IMAP" })).toBeNull();
  });

  it("lets the postmaster turn IMAP on after confirming, and shows the provider's answer", async () => {
    const calls = standInBackground((call) => ({ ...marioStatus(), address: call.payload.mailbox as string, imapAccess: true }));
    const changed: ArchiveStatus[] = [];
    setup(marioStatus({ address: 'postmaster@example.it' }), true, (status: ArchiveStatus) => void changed.push(status));
    fireEvent.click(screen.getByRole('button', { name: "Attiva l'accesso IMAP" }));
    expect(calls).toHaveLength(0);
    expect(screen.getByText(/Attivare l'accesso IMAP all'archivio di postmaster@example.it\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
    expect(screen.queryByRole('button', { name: 'Sì, attiva' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: "Attiva l'accesso IMAP" }));
    fireEvent.click(screen.getByRole('button', { name: 'Sì, attiva' }));
    await waitFor(() => expect(changed).toHaveLength(1));
    expect(calls).toEqual([
      { name: 'admin.updateSettings', payload: { origin: 'http://127.0.0.1:8787', mailbox: 'postmaster@example.it', patch: { imapAccess: true } } },
    ]);
    expect(changed[0]!.imapAccess).toBe(true);
  });

  it('confirms visibly once the postmaster has turned IMAP on', async () => {
    standInBackground((call) => ({ ...marioStatus(), address: call.payload.mailbox as string, imapAccess: true }));
    function Stateful() {
      const [status, setStatus] = useState(marioStatus({ address: 'postmaster@example.it' }));
      return <ClientSetup status={status} profile={profile} canEnableImap onStatusChanged={setStatus} />;
    }
    renderForOrigin(<Stateful />, 'http://127.0.0.1:8787');
    expect(document.querySelector('[data-imap-off]')?.textContent).toBe(
      "L'accesso all'archivio tramite IMAP non è attivo: finché non lo attivi, un programma di posta non può collegarsi.Attiva l'accesso IMAP",
    );
    fireEvent.click(screen.getByRole('button', { name: "Attiva l'accesso IMAP" }));
    fireEvent.click(screen.getByRole('button', { name: 'Sì, attiva' }));
    await waitFor(() => expect(document.querySelector('[data-imap-off]')).toBeNull());
    expect(document.querySelector('[data-imap-on]')?.getAttribute('role')).toBe('status');
    expect(document.querySelector('[data-imap-on]')?.textContent).toBe('Accesso IMAP attivato.');
  });
});
