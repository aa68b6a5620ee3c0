// Hostile mailbox names end to end: mailboxes whose display names are the hostile vectors and whose addresses are as
// hostile as the provider lets an address be (letters, digits and . _ % + -: markup percent-encoded), shown by the
// postmaster's column, Archivio tab, selection bar and dialogs, and by the popup of such a mailbox. Everything shows
// as text, nothing runs, no element of the vectors appears, nothing navigates to our pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { testControl } from '../support/session';
import { dialogFrame, signInOnWebmail } from './support';

const POSTMASTER = 'postmaster@example.it';
const corpus = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/hostile/vectors.json'), 'utf8')) as {
  sentinel: string;
  vectors: { name: string; text: string }[];
};
const VECTORS = corpus.vectors.map((vector) => ({ ...vector, text: vector.text.replaceAll('SENTINEL', corpus.sentinel) }));
/**
 * Local parts as hostile as the provider allows: its API names a mailbox only with letters, digits and . _ % + -, so
 * markup comes percent-encoded — shown decoded anywhere, it would be live.
 */
const LOCAL_PARTS = [
  '%3cscript%3ewindow.__pwned%3d1%3c%2fscript%3e',
  '%3cimg-src%3dx-onerror%3dalert%281%29%3e',
  '%22-onmouseover%3d%22alert',
  'x+%26lt%3bb%26gt%3b',
  '%2f.%2fpostmaster.html%23view%3dbulk',
  '-_.%25',
];
const MAILBOXES = VECTORS.map((vector, index) => ({
  address: `h${index}.${LOCAL_PARTS[index % LOCAL_PARTS.length]}@example.it`.toLowerCase(),
  displayName: vector.text,
  archive: index % 2 === 0,
  vector: vector.name,
}));
/** Elements or attributes a vector could have planted in our frames. */
const PLANTED =
  'img, math, iframe, object, embed, form, script:not([src]), style:not([data-archivio]), svg:not([aria-hidden="true"]), ' +
  '[onerror], [onload], [onbegin], [onfocus], [onmouseover], [href^="javascript:" i]';

let browser: ExtensionBrowser;
let baseUrl: string;
const dialogs: string[] = [];
const topNavigations: string[] = [];

async function sentinels(page: Page): Promise<{ url: string; pwned: unknown; title: string; planted: number }[]> {
  const probe = (frame: Frame) =>
    Promise.race([
      frame
        .evaluate((planted) => {
          const ours = location.protocol === 'chrome-extension:';
          return {
            url: location.href,
            pwned: (globalThis as { __pwned?: unknown }).__pwned ?? null,
            title: document.title,
            planted: ours ? document.querySelectorAll(planted).length : 0,
          };
        }, PLANTED)
        .catch(() => null),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
    ]);
  const results = await Promise.all(page.frames().map(probe));
  return results.flatMap((result) => (result === null ? [] : [result]));
}

async function expectNothingRan(page: Page, where: string, frames: number): Promise<void> {
  const seen = await sentinels(page);
  expect(seen.length, where).toBeGreaterThanOrEqual(frames);
  for (const frame of seen) {
    expect(frame.pwned, `${where}: ${frame.url}`).toBeNull();
    expect(frame.title, `${where}: ${frame.url}`).not.toBe('pwned');
    expect(frame.planted, `${where}: ${frame.url}`).toBe(0);
  }
  expect(dialogs, where).toEqual([]);
  expect(topNavigations, where).toEqual([]);
  for (const frame of page.frames()) {
    expect(frame.url(), where).toMatch(
      /^(http:\/\/(127\.0\.0\.1|localhost):\d+\/|chrome-extension:\/\/[a-p]{32}\/(postmaster|popup)\.html|about:blank$)/,
    );
  }
}

function watch(page: Page, allowedHash: (hash: string) => boolean): void {
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !allowedHash(new URL(frame.url()).hash)) topNavigations.push(frame.url());
  });
}

const plain = (text: string | null) =>
  (text ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  for (const mailbox of MAILBOXES) {
    await testControl(baseUrl, 'accounts', { address: mailbox.address, displayName: mailbox.displayName, archive: mailbox.archive });
  }
  browser = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await browser?.close();
  await testControl(baseUrl, 'reset').catch(() => undefined);
});

describe('hostile mailbox names', () => {
  it(`the postmaster's column, Archivio tab, selection bar and dialogs show ${MAILBOXES.length} hostile mailboxes as text`, async () => {
    let page = await browser.context.newPage();
    await signInOnWebmail(page, baseUrl, POSTMASTER);
    watch(page, (hash) => hash.startsWith('#/gestione/caselle') || hash === '' || hash.startsWith('#/posta'));
    await page.goto(`${baseUrl}/#/gestione/caselle`);
    await page.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor();

    // The column: one cell per mailbox, in the state the provider reports, the address only as text.
    const states = () =>
      page
        .locator('td[data-archivio-cell="spazio-archivio"] [data-archivio-host]')
        .evaluateAll((hosts) => hosts.map((host) => `${(host as HTMLElement).dataset.mailbox}:${(host as HTMLElement).dataset.state}`));
    await expect.poll(async () => (await states()).length, { timeout: 20_000 }).toBe(MAILBOXES.length + 4);
    // Each cell shows its loading state until the provider's answer for its mailbox is in.
    const expected = MAILBOXES.map((mailbox) => `${mailbox.address}:${mailbox.archive ? 'on' : 'off'}`);
    await expect
      .poll(
        async () => {
          const shown = new Set(await states());
          return expected.filter((state) => !shown.has(state));
        },
        { timeout: 20_000 },
      )
      .toEqual([]);
    const byState = new Set(await states());
    for (const mailbox of MAILBOXES) {
      expect(byState.has(`${mailbox.address}:${mailbox.archive ? 'on' : 'off'}`), mailbox.address).toBe(true);
      if (!mailbox.archive) {
        const enable = page.getByRole('button', { name: `Attiva l'archivio di ${mailbox.address}`, exact: true });
        expect(await enable.count(), mailbox.address).toBe(1);
      }
    }
    await expectNothingRan(page, 'column', 1);

    // The Archivio tab of a hostile mailbox: the address in its title and connection settings, as text.
    const tabbed = MAILBOXES[0]!;
    await page.locator(`tr[data-mailbox="${tabbed.address}"] a`).first().click();
    await page.getByRole('tab', { name: 'Archivio', exact: true }).click();
    const panel = page.frameLocator('#archivio-panel iframe');
    await panel.getByRole('switch', { name: 'Archivio attivo' }).waitFor({ timeout: 20_000 });
    expect(plain(await panel.locator('.pm-tab-header').textContent())).toContain(
      `Copia automatica dei messaggi ricevuti e inviati da ${tabbed.address}.`,
    );
    await expectNothingRan(page, 'Archivio tab', 2);
    await page.getByRole('link', { name: '← Tutte le caselle' }).click();
    await page.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor();

    // The selection bar and the bulk dialog for three hostile mailboxes.
    const chosen = MAILBOXES.slice(0, 3);
    for (const mailbox of chosen) await page.getByRole('checkbox', { name: `Seleziona ${mailbox.address}`, exact: true }).check();
    const bar = page.getByRole('region', { name: 'Caselle selezionate' });
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('3 caselle selezionate');
    await bar.getByRole('button', { name: "Gestisci l'archivio…" }).click();
    const bulk = (await dialogFrame(page)).getByRole('dialog', { name: 'Archivio di 3 caselle' });
    await bulk.waitFor();
    await expectNothingRan(page, 'bulk dialog', 2);
    await page.close();

    // The confirmation to turn on the archive of a hostile mailbox: named in the title, as text.
    page = await browser.context.newPage();
    watch(page, (hash) => hash.startsWith('#/gestione/caselle') || hash === '' || hash.startsWith('#/posta'));
    await page.goto(`${baseUrl}/#/gestione/caselle`);
    await page.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor();
    const off = MAILBOXES.find((mailbox) => !mailbox.archive)!;
    await page.getByRole('button', { name: `Attiva l'archivio di ${off.address}`, exact: true }).click();
    const enable = (await dialogFrame(page)).getByRole('dialog', { name: `Attivare l'archivio di ${off.address}?` });
    await enable.waitFor();
    await expectNothingRan(page, 'enable dialog', 2);
    await page.waitForTimeout(1_000);
    await expectNothingRan(page, 'after all', 1);
    await page.close();
  }, 300_000); // ~190 hostile mailboxes checked one by one in the column

  it('the popup of a mailbox with a hostile name shows it as text, and its copied settings carry the name as written', async () => {
    const mailbox = MAILBOXES[4]!;
    await browser.context.clearCookies();
    const webmail = await browser.context.newPage();
    await signInOnWebmail(webmail, baseUrl, mailbox.address);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await browser.context.newPage();
    watch(popup, () => true);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(baseUrl)}`);
    await popup.locator(`[data-account="${mailbox.address}"]`).waitFor({ timeout: 15_000 });
    await popup.locator('.arc-quota').waitFor();
    expect(plain(await popup.locator('body').textContent())).toContain(mailbox.address);
    await popup.bringToFront();
    const copy = (await popup.getByRole('button', { name: 'Copia impostazioni', exact: true }).elementHandle())!;
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copiato ✓');
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(mailbox.address);
    await popup.waitForTimeout(1_000);
    await expectNothingRan(popup, `popup of ${mailbox.vector}`, 1);
    await popup.close();
    await webmail.close();
  });
});
