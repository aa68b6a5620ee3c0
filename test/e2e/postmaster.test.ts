// Postmaster: the postmaster manages every mailbox's archive inline in Gestione → Caselle (Chromium, built extension).
import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatBytes } from '../../utils/format/bytes';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { signIn, testControl, type SessionFetch } from '../support/session';
import { callBackground, dialogFrame, openExtensionPage, signInOnWebmail } from './support';

const POSTMASTER = 'postmaster@example.it';
const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
const LUCA = 'luca.neri@example.it';

let browser: ExtensionBrowser;
let baseUrl: string;
let api: SessionFetch;

interface Status {
  enabled: boolean;
  writable: boolean;
  imapAccess: boolean;
  retentionMonths: number | null;
  usedBytes: number;
  quotaBytes: number | null;
}

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  // Chromium takes its interface language (and so the extension's messages) from the environment on Linux.
  process.env.LANGUAGE = 'it_IT';
  browser = await launchWithExtension(inject('extensionDir'));
  api = await signIn(baseUrl, POSTMASTER);
});

afterAll(async () => {
  await browser?.close();
  await testControl(baseUrl, 'faults', {}, 'DELETE').catch(() => undefined);
  await testControl(baseUrl, 'reset').catch(() => undefined);
});

async function statusOf(mailbox: string): Promise<Status> {
  const response = await api.fetch(`${baseUrl}/api/archive/v1/mailboxes/${encodeURIComponent(mailbox)}/archive`);
  expect(response.status).toBe(200);
  return (await response.json()) as Status;
}

interface DownloadItem {
  state: string;
  mime: string;
  byExtensionName?: string;
  finalUrl: string;
  filename: string;
  bytesReceived: number;
}

const plain = (text: string | null) =>
  (text ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const cell = (page: Page, mailbox: string) => page.locator(`tr[data-mailbox="${mailbox}"] td[data-archivio-cell="spazio-archivio"]`);
const cellPart = (page: Page, mailbox: string, part: 'usage' | 'facts' | 'enable') => cell(page, mailbox).locator(`.${part}`);
const tabFrame = (page: Page): FrameLocator => page.frameLocator('#archivio-panel iframe');
const archiveTab = (page: Page) => page.getByRole('tab', { name: 'Archivio', exact: true });

let signedIn = false;

/** A new page on Gestione → Caselle as the postmaster (signed in once: the pages share the session cookie). */
async function caselle(): Promise<Page> {
  const page = await browser.context.newPage();
  if (!signedIn) {
    await signInOnWebmail(page, baseUrl, POSTMASTER);
    signedIn = true;
  }
  await page.goto(`${baseUrl}/#/gestione/caselle`);
  await page.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor();
  return page;
}

async function openArchiveTab(page: Page, mailbox: string): Promise<FrameLocator> {
  await page.locator(`tr[data-mailbox="${mailbox}"] a`).first().click();
  await archiveTab(page).click();
  await expect.poll(() => archiveTab(page).getAttribute('aria-selected')).toBe('true');
  const frame = tabFrame(page);
  await frame.getByRole('switch', { name: 'Archivio attivo' }).waitFor();
  return frame;
}

const checked = (frame: FrameLocator, name: string) => frame.getByRole('switch', { name }).getAttribute('aria-checked');

describe('postmaster in Gestione → Caselle', () => {
  it('adds the "Spazio archivio" column with the provider\'s values, or "Attiva l\'archivio" when off', async () => {
    const page = await caselle();
    const mario = await statusOf(MARIO);
    const states = () =>
      page
        .locator('td[data-archivio-cell="spazio-archivio"] [data-archivio-host]')
        .evaluateAll((hosts) => hosts.map((host) => `${(host as HTMLElement).dataset.mailbox}:${(host as HTMLElement).dataset.state}`));
    await expect.poll(states, { timeout: 15_000 }).toEqual([`${GIULIA}:on`, `${LUCA}:off`, `${MARIO}:on`, `${POSTMASTER}:off`]);
    await expect
      .poll(async () => plain(await cellPart(page, MARIO, 'usage').textContent()))
      .toBe(plain(`${formatBytes(mario.usedBytes, 'it-IT')} / ${formatBytes(mario.quotaBytes!, 'it-IT')}`));
    expect(mario).toMatchObject({ enabled: true, writable: false, imapAccess: false, retentionMonths: 24, quotaBytes: 1024 ** 3 });
    expect(plain(await cellPart(page, MARIO, 'facts').textContent())).toBe('Sola lettura · IMAP non attivo · Cancellazione: 24 mesi');
    expect(plain(await cellPart(page, GIULIA, 'usage').textContent())).toBe(
      plain(`${formatBytes((await statusOf(GIULIA)).usedBytes, 'it-IT')} / illimitato`),
    );
    expect((await statusOf(LUCA)).enabled).toBe(false);
    expect(
      await cell(page, LUCA)
        .getByRole('button', { name: `Attiva l'archivio di ${LUCA}` })
        .textContent(),
    ).toBe("Attiva l'archivio");
    expect(await page.getByRole('checkbox', { name: `Seleziona ${MARIO}` }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/postmaster-caselle.png', fullPage: true });
    await page.close();
  });

  it('adds an "Archivio" tab to the mailbox detail that reflects the provider and behaves like the host\'s tabs', async () => {
    const page = await caselle();
    const frame = await openArchiveTab(page, MARIO);
    expect(await checked(frame, 'Archivio attivo')).toBe('true');
    expect(await checked(frame, 'Archivio in scrittura')).toBe('false');
    expect(await checked(frame, "Accesso all'Archivio tramite IMAP")).toBe('false');
    expect(await frame.getByLabel('Impostazioni di cancellazione').inputValue()).toBe('24');
    expect(await frame.getByText('Archivio base 1 GB').count()).toBe(1);
    expect(await frame.getByText('mario.rossi_example.it@archivio.postassl.it').count()).toBeGreaterThan(0);
    expect(await page.locator('#panel-generale').isHidden()).toBe(true);
    await page.screenshot({ path: '/tmp/postmaster-tab.png', fullPage: true });

    // Keyboard: from Archivio, ArrowLeft goes to Inoltro, End comes back; the route follows the host's rules.
    await archiveTab(page).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('tab', { name: 'Inoltro' }).getAttribute('aria-selected')).toBe('true');
    expect(await archiveTab(page).getAttribute('aria-selected')).toBe('false');
    expect(await page.locator('#archivio-panel').isHidden()).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(() => archiveTab(page).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => location.hash)).toBe(`#/gestione/caselle/${MARIO}/archivio`);
    expect(await page.locator('#archivio-panel').isVisible()).toBe(true);
    await page.close();
  });

  it('changes the deletion period in the tab and shows it in the tab, in another open view and via the API', async () => {
    const list = await caselle();
    const page = await caselle();
    const frame = await openArchiveTab(page, MARIO);
    await frame.getByLabel('Impostazioni di cancellazione').selectOption('36');
    await expect.poll(async () => (await statusOf(MARIO)).retentionMonths).toBe(36);
    expect(await frame.getByLabel('Impostazioni di cancellazione').inputValue()).toBe('36');
    // The other page was left on the list: it updates without being reloaded.
    await expect.poll(async () => plain(await cellPart(list, MARIO, 'facts').textContent())).toContain('Cancellazione: 36 mesi');

    await frame.getByRole('switch', { name: "Accesso all'Archivio tramite IMAP" }).click();
    await expect.poll(() => checked(frame, "Accesso all'Archivio tramite IMAP")).toBe('true');
    expect((await statusOf(MARIO)).imapAccess).toBe(true);
    await expect
      .poll(async () => plain(await cellPart(list, MARIO, 'facts').textContent()))
      .toBe('Sola lettura · IMAP attivo · Cancellazione: 36 mesi');

    await page.getByRole('link', { name: '← Tutte le caselle' }).click();
    await expect.poll(async () => plain(await cellPart(page, MARIO, 'facts').textContent())).toContain('Cancellazione: 36 mesi');
    await list.close();
    await page.close();
  });

  it('turns an archive on from the column after a confirmation in an extension frame', async () => {
    const page = await caselle();
    await cell(page, LUCA)
      .getByRole('button', { name: `Attiva l'archivio di ${LUCA}` })
      .click();
    const dialog = (await dialogFrame(page)).getByRole('dialog', { name: `Attivare l'archivio di ${LUCA}?` });
    await dialog.waitFor();
    expect((await statusOf(LUCA)).enabled).toBe(false);
    await page.screenshot({ path: '/tmp/postmaster-enable.png' });
    await dialog.getByRole('button', { name: "Attiva l'archivio" }).click();
    await expect.poll(() => page.locator('[data-archivio-dialog]').count()).toBe(0);
    expect((await statusOf(LUCA)).enabled).toBe(true);
    await expect.poll(async () => plain(await cellPart(page, LUCA, 'usage').textContent())).toBe('0 B / 1 GiB');
    await page.close();
  });

  it('applies a bulk change, reports the one injected failure, changes the others, and a retry fixes it', async () => {
    const page = await caselle();
    for (const mailbox of [MARIO, GIULIA, LUCA]) await page.getByRole('checkbox', { name: `Seleziona ${mailbox}` }).check();
    await expect
      .poll(() => page.getByRole('region', { name: 'Caselle selezionate' }).getByRole('status').textContent())
      .toBe('3 caselle selezionate');
    await page.getByRole('button', { name: "Gestisci l'archivio…" }).click();
    const panel = (await dialogFrame(page)).getByRole('dialog', { name: 'Archivio di 3 caselle' });
    await panel.waitFor();
    await panel.getByRole('radio', { name: 'Imposta il periodo di cancellazione' }).check();
    await panel.getByLabel('Cancella i messaggi dopo').selectOption('12');
    await testControl(baseUrl, 'faults', { path: 'giulia\\.verdi(@|%40)example\\.it/archive$', method: 'PATCH', status: 500, times: 1 });
    await panel.getByRole('button', { name: 'Applica a 3 caselle' }).click();
    // A deletion period for many mailboxes may shorten some: a second, explicit yes, as for one mailbox.
    await panel
      .getByRole('alertdialog', { name: /saranno cancellati per sempre/ })
      .getByRole('button', { name: /^Sì, cancella dopo 12 mesi/ })
      .click();

    await panel.getByText('Riuscite: 2. Non riuscite: 1 — puoi riprovarle.').waitFor();
    const results = panel.getByRole('list', { name: 'Esito per casella' });
    expect(await results.locator(`[data-mailbox="${GIULIA}"]`).getAttribute('data-state')).toBe('failed');
    expect(plain(await results.locator(`[data-mailbox="${GIULIA}"]`).textContent())).toContain("Il server dell'archivio ha restituito un errore.");
    expect(await results.locator(`[data-mailbox="${MARIO}"]`).getAttribute('data-state')).toBe('done');
    expect(await results.locator(`[data-mailbox="${LUCA}"]`).getAttribute('data-state')).toBe('done');
    expect((await statusOf(MARIO)).retentionMonths).toBe(12);
    expect((await statusOf(LUCA)).retentionMonths).toBe(12);
    expect((await statusOf(GIULIA)).retentionMonths).toBeNull();
    await page.screenshot({ path: '/tmp/postmaster-bulk.png' });

    await panel.getByRole('button', { name: `Riprova ${GIULIA}` }).click();
    await panel.getByText('Fatto per tutte le caselle (3).').waitFor();
    expect((await statusOf(GIULIA)).retentionMonths).toBe(12);
    await panel.getByRole('button', { name: 'Chiudi' }).click();
    await expect.poll(() => page.locator('[data-archivio-dialog]').count()).toBe(0);
    for (const mailbox of [MARIO, GIULIA, LUCA]) {
      await expect.poll(async () => plain(await cellPart(page, mailbox, 'facts').textContent())).toContain('Cancellazione: 12 mesi');
    }
    await page.close();
  });

  it('disables only after the address is typed exactly, in a focus-trapped dialog', async () => {
    const page = await caselle();
    const frame = await openArchiveTab(page, LUCA);
    await frame.getByRole('switch', { name: 'Archivio attivo' }).click();
    const dialog = (await dialogFrame(page)).getByRole('alertdialog', { name: `Disattivare l'archivio di ${LUCA}?` });
    await dialog.waitFor();
    expect(plain(await dialog.textContent())).toContain('andranno persi tutti i messaggi e gli allegati conservati');
    expect(await dialog.getByRole('button', { name: 'Esporta prima' }).count()).toBe(1);
    const confirm = dialog.getByRole('button', { name: 'Disattiva e cancella tutto' });
    const input = dialog.getByLabel(/Per confermare, digita l'indirizzo della casella/);
    // Focus is inside the dialog frame, on the harmless choice; Enter in the address field submits nothing.
    const cancel = dialog.getByRole('button', { name: 'Annulla' });
    await expect.poll(() => cancel.evaluate((element) => element === document.activeElement && document.hasFocus())).toBe(true);
    expect(await confirm.isDisabled()).toBe(true);
    for (const variant of ['LUCA.NERI@EXAMPLE.IT', `${LUCA} `, ` ${LUCA}`, 'luca.neri@example', 'Luca.Neri@example.it']) {
      await input.fill(variant);
      expect(await confirm.isDisabled(), variant).toBe(true);
      await input.press('Enter');
    }
    expect((await statusOf(LUCA)).enabled).toBe(true);
    // Tab from the last control comes back to the first, never to the page behind.
    await dialog.getByRole('button', { name: 'Annulla' }).focus();
    await page.keyboard.press('Tab');
    expect(await dialog.getByRole('button', { name: 'Esporta prima' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill(LUCA);
    await input.press('Enter');
    await page.waitForTimeout(300);
    expect((await statusOf(LUCA)).enabled).toBe(true);
    await expect.poll(() => confirm.isDisabled()).toBe(false);
    // The page makes our dialog (nearly) transparent to have it clicked unseen: the button locks until it is visible.
    await page.evaluate(() => ((document.querySelector('[data-archivio-dialog]') as HTMLElement).style.opacity = '0.05'));
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    expect(await dialog.getByRole('alert').innerText()).toContain('non è interamente visibile');
    await page.evaluate(() => ((document.querySelector('[data-archivio-dialog]') as HTMLElement).style.opacity = ''));
    await expect.poll(() => confirm.isDisabled()).toBe(false);
    await confirm.click();
    await (await dialogFrame(page)).getByRole('dialog', { name: 'Archivio disattivato' }).waitFor();
    expect((await statusOf(LUCA)).enabled).toBe(false);
    await (await dialogFrame(page)).getByRole('button', { name: 'Chiudi' }).click();
    await expect.poll(() => page.locator('[data-archivio-dialog]').count()).toBe(0);
    await expect.poll(() => checked(frame, 'Archivio attivo')).toBe('false');
    await page.close();
  });

  it('exports the whole archive as .mbox first, with progress, and deletes nothing', async () => {
    const page = await caselle();
    const frame = await openArchiveTab(page, MARIO);
    await frame.getByRole('switch', { name: 'Archivio attivo' }).click();
    const dialog = (await dialogFrame(page)).getByRole('alertdialog', { name: `Disattivare l'archivio di ${MARIO}?` });
    await dialog.getByLabel(/Per confermare, digita l'indirizzo della casella/).fill(MARIO);
    // A slow provider, so the export is seen in progress.
    await testControl(baseUrl, 'faults', { path: '/archive/export$', method: 'GET', latencyMs: 2_000, times: 1 });
    await dialog.getByRole('button', { name: 'Esporta prima' }).click();
    await dialog.getByRole('progressbar', { name: "Avanzamento dell'esportazione" }).waitFor();
    // Nothing can be deleted while the copy is being made.
    expect(await dialog.getByRole('button', { name: 'Disattiva e cancella tutto' }).isDisabled()).toBe(true);
    await dialog.getByText(/^Esportazione completata: /).waitFor({ timeout: 30_000 });

    const worker = await browser.worker();
    const [download] = await worker.evaluate(() => {
      const downloads = (globalThis as unknown as { chrome: { downloads: { search(query: object): Promise<DownloadItem[]> } } }).chrome.downloads;
      return downloads.search({ orderBy: ['-startTime'], limit: 1 });
    });
    expect(download).toMatchObject({ state: 'complete', mime: 'application/mbox', byExtensionName: 'Archivio' });
    expect(download!.finalUrl).toBe(`${baseUrl}/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive/export`);
    const saved = readFileSync(download!.filename, 'utf8');
    expect(saved.startsWith('From ')).toBe(true);
    expect(Buffer.byteLength(saved)).toBe(download!.bytesReceived);
    expect(plain(await dialog.getByText(/^Esportazione completata: /).textContent())).toContain(plain(formatBytes(download!.bytesReceived, 'it-IT')));

    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await expect.poll(() => page.locator('[data-archivio-dialog]').count()).toBe(0);
    expect((await statusOf(MARIO)).enabled).toBe(true);
    expect(await checked(frame, 'Archivio attivo')).toBe('true');
    await page.close();
  });

  it('acts on no view or mailbox put in its address by anyone else: a link from a mail, or the page framing it', async () => {
    const page = await caselle();
    const attack = `chrome-extension://${browser.extensionId}/postmaster.html#view=bulk&mailbox=${encodeURIComponent(MARIO)}`;
    // Opened as a page, as a link clicked in a mail would open it.
    const opened = await browser.context.newPage();
    await opened.goto(attack);
    await opened.getByRole('alert').waitFor();
    expect(await opened.getByRole('alert').innerText()).toContain('si apre solo dalla gestione caselle');
    expect(await opened.getByRole('dialog').count()).toBe(0);
    expect(await opened.getByRole('button', { name: /Applica/ }).count()).toBe(0);
    // Framed by the webmail page itself, hidden or not: the same, and a guessed ticket changes nothing.
    for (const src of [attack, `chrome-extension://${browser.extensionId}/postmaster.html#ticket=${'0'.repeat(32)}`]) {
      await page.evaluate((url) => {
        const frame = document.createElement('iframe');
        frame.id = 'page-made';
        frame.src = url;
        document.body.append(frame);
      }, src);
      const framed = page.frameLocator('#page-made');
      // At the extension's fixed address Chrome refuses the frame outright (`use_dynamic_url`); if it ever loaded,
      // it would still act on nothing.
      await page.waitForTimeout(1_000);
      expect(await framed.getByRole('dialog').count()).toBe(0);
      expect(await framed.getByRole('switch').count()).toBe(0);
      await page.evaluate(() => document.getElementById('page-made')!.remove());
    }
    await opened.close();
    await page.close();
  });

  it('turning an archive on whose reply is cut off says the outcome is unknown, sends nothing again and reads the status back', async () => {
    const page = await caselle();
    expect((await statusOf(POSTMASTER)).enabled).toBe(false);
    // The provider applies the change, then its reply breaks off: a blind retry would be a second write.
    await testControl(baseUrl, 'faults', { path: '/archive/enable$', method: 'POST', truncate: true, times: 2 });
    try {
      await cell(page, POSTMASTER)
        .getByRole('button', { name: `Attiva l'archivio di ${POSTMASTER}` })
        .click();
      const dialog = (await dialogFrame(page)).getByRole('dialog', { name: `Attivare l'archivio di ${POSTMASTER}?` });
      await dialog.getByRole('button', { name: "Attiva l'archivio" }).click();
      await dialog.getByText("Il server conferma: l'archivio è attivo.").waitFor({ timeout: 30_000 });
      expect(plain(await dialog.textContent())).not.toContain('nulla è stato cambiato');
      expect((await statusOf(POSTMASTER)).enabled).toBe(true);
      // The second cut-off reply is still waiting for a request: the write went out once.
      const again = await api.fetch(`${baseUrl}/api/archive/v1/mailboxes/${encodeURIComponent(POSTMASTER)}/archive/enable`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      const body = await again.text();
      expect(() => JSON.parse(body), body).toThrow();
      await dialog.getByRole('button', { name: 'Chiudi' }).click();
      await expect.poll(() => page.locator('[data-archivio-dialog]').count()).toBe(0);
      await expect.poll(async () => plain(await cellPart(page, POSTMASTER, 'usage').textContent())).toBe('0 B / 1 GiB');
    } finally {
      await testControl(baseUrl, 'faults', {}, 'DELETE');
    }
    await page.close();
  });

  it('shows a non-postmaster nothing, and the background refuses the operations from any extension page', async () => {
    const page = await browser.context.newPage();
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Esci' }).click();
    await signInOnWebmail(page, baseUrl, MARIO);
    const extensionPage = await openExtensionPage(browser.context, browser.extensionId);
    await expect
      .poll(async () => (await callBackground<{ me: { address: string } | null }>(extensionPage, 'session.get')).value?.me?.address)
      .toBe(MARIO);
    for (const hash of ['#/gestione/caselle', `#/gestione/caselle/${MARIO}/archivio`, '#/posta/inbox']) {
      await page.goto(`${baseUrl}/${hash}`);
      await page.waitForTimeout(700);
      expect(
        await page
          .locator('[data-archivio-cell], [data-archivio-tab], [data-archivio-panel], [data-archivio-bulk-bar], [data-archivio-dialog]')
          .count(),
        hash,
      ).toBe(0);
    }
    const before = await statusOf(MARIO);
    for (const [name, payload] of [
      ['admin.updateSettings', { mailbox: MARIO, patch: { writable: true, imapAccess: true } }],
      ['admin.enable', { mailbox: LUCA }],
      ['admin.disable', { mailbox: MARIO, confirm: MARIO }],
    ] as const) {
      const reply = await callBackground(extensionPage, name, payload);
      expect(reply, name).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    // The provider refuses too, and the background reports its 403 the same way.
    expect(await callBackground(extensionPage, 'admin.mailboxes')).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    const asMario = await signIn(baseUrl, MARIO);
    const direct = await asMario.fetch(`${baseUrl}/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ writable: true }),
    });
    expect(direct.status).toBe(403);
    expect(await statusOf(MARIO)).toMatchObject({
      enabled: before.enabled,
      writable: before.writable,
      imapAccess: before.imapAccess,
      retentionMonths: before.retentionMonths,
    });
    expect((await statusOf(LUCA)).enabled).toBe(false);
    await page.close();
    await extensionPage.close();
  });
});
