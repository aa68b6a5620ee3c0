// The Archivio tab inside a real Roundcube 1.6 (elastic) in front of the reference provider, in Chromium with the
// roundcube-demo build: Roundcube signs in with the mailbox address over the provider's Dovecot, the archive API
// stays on the provider's own origin with its own sign-in inside the archive frame.
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { buildRoundcubeExtension } from '../support/build';
import { freePort, startRoundcubeStack, type RoundcubeStack } from '../support/roundcube';

const ROOT = resolve(import.meta.dirname, '../..');
const GIULIA = 'giulia.verdi@example.it';
const PASSWORD = 'archivio-demo';

let stack: RoundcubeStack;
let browser: ExtensionBrowser;
let page: Page;
let base: string;

const archiveItem = (p: Page) => p.locator('#taskmenu > a[data-archivio="nav-item"]');
const archiveFrame = (p: Page) => p.locator('#layout iframe[data-archivio="archive-frame"]');
const app = (p: Page): FrameLocator => p.frameLocator('#layout iframe[data-archivio="archive-frame"]');
const columns = ['#layout-sidebar', '#layout-list', '#layout-content'];
const frameHash = async (p: Page) => new URLSearchParams(new URL((await archiveFrame(p).getAttribute('src'))!).hash.slice(1));

async function signInToRoundcube(p: Page, address: string): Promise<void> {
  await p.goto(base);
  await p.locator('#rcmloginuser').fill(address);
  await p.locator('#rcmloginpwd').fill(PASSWORD);
  await p.locator('#rcmloginsubmit').click();
  await p.locator('#messagelist tbody tr').first().waitFor({ timeout: 20_000 });
}

async function columnsHidden(p: Page): Promise<boolean[]> {
  return Promise.all(columns.map((selector) => p.locator(selector).isHidden()));
}

/**
 * The archive's own sign-in (its API is on another origin than Roundcube's), once per browser session: the form the
 * frame shows, address prefilled from Roundcube's page. Retried while the frame settles (a reload drops the typed text).
 */
async function signInToArchiveIfAsked(p: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await app(p).locator('[role="tree"]').count()) > 0) return;
    const form = app(p).locator('[data-state="sign-in"] form:not([aria-busy="true"])');
    if ((await form.count()) > 0) {
      expect(await app(p).locator('#signin-address').inputValue()).toBe(GIULIA);
      await app(p).locator('#signin-password').fill(PASSWORD);
      await app(p).locator('[data-action="sign-in"]').click();
    }
    await p.waitForTimeout(500);
  }
}

/** Waits for the archive's folder tree (by its name in `language`); a failure says what the frame shows instead. */
async function archiveTree(p: Page, name = "Cartelle dell'archivio"): Promise<void> {
  try {
    await app(p).getByRole('tree', { name }).waitFor({ timeout: 20_000 });
  } catch (error) {
    const shown = await app(p)
      .locator('body')
      .innerText()
      .catch(() => '(no frame)');
    throw new Error(`no archive tree "${name}"; the frame shows: ${shown.slice(0, 400)}`, { cause: error });
  }
}

async function inboxSubjects(p: Page): Promise<string[]> {
  return p.locator('#messagelist tbody tr span.subject').allInnerTexts();
}

beforeAll(async () => {
  const providerPort = await freePort();
  const roundcubePort = await freePort();
  const extensionDir = buildRoundcubeExtension(providerPort, roundcubePort, join(ROOT, '.output', `e2e-roundcube-${process.pid}`));
  stack = await startRoundcubeStack({ providerPort, roundcubePort });
  base = stack.roundcube.url;
  browser = await launchWithExtension(extensionDir);
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('Archivio inside Roundcube', () => {
  it('adds one "Archivio" link to the task menu, shaped like Roundcube\'s own, after Impostazioni', async () => {
    await signInToRoundcube(page, GIULIA);
    await expect.poll(() => archiveItem(page).count()).toBe(1);
    const item = archiveItem(page);
    expect(await item.innerText()).toBe('Archivio');
    expect(await item.getAttribute('class')).toContain('archive');
    expect(await item.getAttribute('role')).toBe(await page.locator('#taskmenu a.settings').getAttribute('role'));
    expect(await item.evaluate((link) => link.previousElementSibling?.className)).toContain('settings');
    // The icon font draws the archive glyph as for Roundcube's own links.
    const icon = await item.evaluate((link) => getComputedStyle(link, '::before').content);
    expect(icon).toBe('"\uf187"');
  });

  it("opens the archive over the area right of the task menu, hiding Roundcube's columns; back and forward follow", async () => {
    await archiveItem(page).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#archivio');
    await archiveFrame(page).waitFor();
    expect(await archiveFrame(page).isVisible()).toBe(true);
    expect(await columnsHidden(page)).toEqual([true, true, true]);
    expect(await page.locator('#taskmenu').isVisible()).toBe(true);
    const frameBox = (await archiveFrame(page).boundingBox())!;
    const menuBox = (await page.locator('#layout-menu').boundingBox())!;
    expect(frameBox.x).toBeGreaterThanOrEqual(menuBox.x + menuBox.width - 1);
    // One task looks current, as in Roundcube itself: ours while the archive shows, Mail again once it is left.
    const selectedTasks = () => page.locator('#taskmenu a.selected').evaluateAll((links) => links.map((link) => link.className));
    await expect.poll(selectedTasks).toEqual([expect.stringContaining('archive')]);
    expect(await page.locator('#taskmenu a.archive').getAttribute('aria-current')).toBe('page');
    await signInToArchiveIfAsked(page);
    await archiveTree(page);

    await page.goBack();
    await expect.poll(() => archiveFrame(page).count()).toBe(0);
    await expect.poll(selectedTasks).toEqual([expect.stringContaining('mail')]);
    expect(await columnsHidden(page)).toEqual([false, false, false]);
    expect(await page.locator('#messagelist tbody tr').count()).toBeGreaterThan(0);
    await page.goForward();
    await expect.poll(() => archiveFrame(page).count()).toBe(1);
    expect(await columnsHidden(page)).toEqual([true, true, true]);
  });

  it("leaves through Roundcube's own task links, and stays one link across folder and task switches", async () => {
    // Roundcube marks the current task's link aria-disabled; a person can still click it (force skips that check).
    await page.locator('#taskmenu a.mail').click({ force: true });
    await page.locator('#messagelist tbody tr').first().waitFor();
    await expect.poll(() => archiveFrame(page).count()).toBe(0);
    expect(await columnsHidden(page)).toEqual([false, false, false]);
    // Folder switches are Roundcube's AJAX (history.replaceState): the link stays, once.
    const listed = () => page.waitForResponse((response) => response.url().includes('_action=list'));
    let list = listed();
    await page.locator('#mailboxlist li.trash > a').click();
    await list;
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('_mbox'))).toBe('Trash');
    list = listed();
    await page.locator('#mailboxlist li.inbox > a').click();
    await list;
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('_mbox'))).toBe('INBOX');
    expect(await archiveItem(page).count()).toBe(1);
    await page.locator('#taskmenu a.contacts').click();
    await page.waitForURL(/_task=addressbook/);
    await expect.poll(() => archiveItem(page).count()).toBe(1);
    await page.locator('#taskmenu a.settings').click();
    await page.waitForURL(/_task=settings/);
    await expect.poll(() => archiveItem(page).count()).toBe(1);
    await archiveItem(page).click();
    await expect.poll(() => archiveFrame(page).count()).toBe(1);
    expect(await page.locator('#taskmenu > a[data-archivio="nav-item"]').count()).toBe(1);
  });

  it('opens straight from its address and stays open while Roundcube loads its message list underneath', async () => {
    await page.goto(`${base}?_task=settings`);
    // A full load of the mail task: Roundcube rewrites the URL (history.replaceState) when its list arrives.
    const listLoaded = page.waitForResponse((response) => response.url().includes('_action=list'));
    await page.goto(`${base}?_task=mail&_mbox=INBOX#archivio`);
    await listLoaded;
    await archiveFrame(page).waitFor();
    await archiveTree(page);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#archivio');
    expect(await archiveFrame(page).count()).toBe(1);
    expect(await columnsHidden(page)).toEqual([true, true, true]);
  });

  it("follows Roundcube's dark mode live, the archive staying open", async () => {
    const frameUrl = () =>
      page
        .frames()
        .find((frame) => frame.url().includes('/archive.html'))
        ?.url() ?? '';
    expect((await frameHash(page)).get('scheme')).toBe('light');
    await page.locator('#taskmenu a.theme').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark-mode'))).toBe(true);
    // Told to the open frame in its fragment, without a reload.
    await expect.poll(() => archiveFrame(page).getAttribute('data-scheme')).toBe('dark');
    await expect.poll(frameUrl).toContain('scheme=dark');
    await page.locator('#taskmenu a.theme').click();
    await expect.poll(() => archiveFrame(page).getAttribute('data-scheme')).toBe('light');
    await expect.poll(frameUrl).toContain('scheme=light');
    expect(await archiveFrame(page).count()).toBe(1);
  });

  it("browses a month, reads a message and restores it: Roundcube's Inbox shows the restored copy", async () => {
    const subject = `Da ripristinare in Roundcube ${Date.now().toString(36)}`;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: stack.provider.smtpPort, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ from: 'Ufficio <ufficio@altrove.example>', to: GIULIA, subject, text: 'Testo del messaggio archiviato.' });
    } finally {
      transport.close();
    }
    await page.goto(`${base}?_task=mail&_mbox=INBOX`);
    await page.locator('#messagelist tbody tr', { hasText: subject }).waitFor({ timeout: 20_000 });
    expect((await inboxSubjects(page)).filter((text) => text.includes(subject))).toHaveLength(1);

    await page.goto(`${base}?_task=mail&_mbox=INBOX#archivio`);
    await archiveFrame(page).waitFor();
    await signInToArchiveIfAsked(page);
    const months = app(page).locator('[role=treeitem][data-folder-id^="inbox-"]');
    await months.first().waitFor({ timeout: 20_000 });
    // The month's own listing (the default view lists all of "Posta in arrivo" first); a click landing while the
    // app still settles after its sign-in is repeated.
    const monthList = app(page).getByRole('listbox', { name: /^Messaggi in (?!Posta in arrivo$)/ });
    await expect
      .poll(
        async () => {
          if ((await monthList.count()) === 0) await months.first().click();
          return monthList.count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);
    await monthList.locator('[role=option][data-message-id]', { hasText: subject }).click();
    await app(page).locator('.reader-headers').waitFor();
    expect(await app(page).locator('.reader-headers').innerText()).toContain(subject);
    await app(page).locator('[data-action="restore"]').click();
    await app(page).locator('[data-notice="success"]').waitFor();

    await page.goto(`${base}?_task=mail&_mbox=INBOX`);
    await page.locator('#messagelist tbody tr').first().waitFor();
    // The delivered copy and the restored one.
    await expect.poll(async () => (await inboxSubjects(page)).filter((text) => text.includes(subject)).length).toBe(2);
  });

  it('speaks English inside the archive once the Roundcube user picks English', async () => {
    await page.goto(`${base}?_task=settings&_action=edit-prefs&_section=general&_framed=1`);
    await page.locator('select[name="_language"]').selectOption('en_US');
    const saved = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.evaluate(() => (window as unknown as { rcmail: { command(name: string): void } }).rcmail.command('save'));
    expect((await saved).status()).toBe(200);
    // A new language makes Roundcube reload its page: let that happen first.
    await page.waitForURL((url) => !url.search.includes('_action=edit-prefs'));
    await page.waitForLoadState('load');
    await page.goto(`${base}?_task=mail&_mbox=INBOX#archivio`, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await archiveFrame(page).waitFor();
    expect((await frameHash(page)).get('lang')).toBe('en');
    await archiveTree(page, 'Archive folders');
  });
});
