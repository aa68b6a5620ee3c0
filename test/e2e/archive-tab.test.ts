// The "Archivio" tab in the demo webmail, in Chromium with the built extension.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { openExtensionPage, signInOnWebmail } from './support';

const MARIO = 'mario.rossi@example.it';
let browser: ExtensionBrowser;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  browser = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await browser?.close();
});

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });
const archiveItem = (page: Page) => mainNav(page).getByRole('link', { name: 'Archivio', exact: true });
const archiveFrame = (page: Page) => page.locator('main#content iframe[title="Archivio"]');
const hostView = (page: Page) => page.locator('main#content > div.view');

/** A webmail tab signed in as Mario (the session cookie is shared by the tabs of this browser). */
async function webmailAsMario(marker = 'tab'): Promise<Page> {
  const page = await browser.context.newPage();
  // The marker tells this tab apart from others of the same webmail (see tabs.query below).
  await page.goto(`${baseUrl}/?${marker}#/posta/inbox`);
  await page.locator('[data-account], form#login-form').first().waitFor();
  if ((await page.locator(`[data-account="${MARIO}"]`).count()) === 0) await signInOnWebmail(page, baseUrl, MARIO);
  await page.locator('li[data-message-id]').first().waitFor();
  await expect.poll(() => archiveItem(page).count()).toBe(1);
  return page;
}

async function expectArchiveShown(page: Page, view = ''): Promise<void> {
  await expect.poll(() => archiveFrame(page).count()).toBe(1);
  expect(await archiveFrame(page).isVisible()).toBe(true);
  const src = new URL((await archiveFrame(page).getAttribute('src'))!);
  expect(src.protocol).toBe('chrome-extension:');
  expect(src.pathname).toBe('/archive.html');
  // `use_dynamic_url`: the frame lives at this session's address, not at the extension's fixed id a page could guess.
  expect(src.host).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(new URLSearchParams(src.hash.slice(1)).get('view') ?? '').toBe(view);
  expect(await archiveFrame(page).getAttribute('allow')).toBeNull();
}

describe('Archivio tab in the demo webmail', () => {
  it('opens from the top navigation, hides the host content, and back/forward leave and re-open it', async () => {
    const page = await webmailAsMario();
    expect(await archiveItem(page).isVisible()).toBe(true);
    const before = await hostView(page).innerText();
    expect(before.length).toBeGreaterThan(0);

    await archiveItem(page).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/archivio');
    await expectArchiveShown(page);
    // Hidden, not removed: still in the page, not rendered.
    expect(await hostView(page).count()).toBe(1);
    expect(await hostView(page).isHidden()).toBe(true);
    expect(await archiveItem(page).getAttribute('aria-current')).toBe('page');
    const frameBox = (await archiveFrame(page).boundingBox())!;
    expect(frameBox.height).toBeGreaterThan(300);

    await page.goBack();
    await expect.poll(() => archiveFrame(page).count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toBe('#/posta/inbox');
    expect(await hostView(page).isVisible()).toBe(true);
    expect(await hostView(page).innerText()).toBe(before);
    expect(await archiveItem(page).getAttribute('aria-current')).toBeNull();

    await page.goForward();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/archivio');
    await expectArchiveShown(page);
    await page.close();
  });

  it('closes on Esc pressed inside the archive: first the open message, then the archive, focus back on the webmail', async () => {
    const page = await webmailAsMario();
    await archiveItem(page).click();
    await expectArchiveShown(page);
    const app = page.frameLocator('main#content iframe[title="Archivio"]');
    const list = app.getByRole('listbox', { name: /^Messaggi in / });
    await app.locator('[role=option][data-message-id]').first().waitFor();
    await list.focus();
    await page.keyboard.press('Enter');
    await app.locator('.reader-headers').waitFor();

    await page.keyboard.press('Escape');
    await expect.poll(() => app.locator('.reader').count()).toBe(0);
    expect(await archiveFrame(page).count()).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => archiveFrame(page).count()).toBe(0);
    expect(await hostView(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#/posta/inbox');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-archivio="nav-item"]') !== null)).toBe(true);

    // Any other frame, or the page itself, posting the same message closes nothing.
    await archiveItem(page).click();
    await expectArchiveShown(page);
    await page.evaluate(() => window.postMessage({ type: 'archivio/close' }, '*'));
    await page.waitForTimeout(200);
    expect(await archiveFrame(page).count()).toBe(1);
    await page.close();
  });

  it('leaves through the host navigation and keeps exactly one item across in-app navigation', async () => {
    const page = await webmailAsMario();
    await archiveItem(page).click();
    await expectArchiveShown(page);

    await mainNav(page).getByRole('link', { name: 'Rubrica', exact: true }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/rubrica');
    await expect.poll(() => archiveFrame(page).count()).toBe(0);
    await expect.poll(() => page.locator('main#content > div.view[data-view="rubrica"]').isVisible()).toBe(true);
    expect(await archiveItem(page).count()).toBe(1);

    await mainNav(page).getByRole('link', { name: 'Posta', exact: true }).click();
    await page.locator('li[data-message-id]').first().waitFor();
    await page.waitForTimeout(300); // let the observer's debounced check run
    expect(await archiveItem(page).count()).toBe(1);
    expect(await page.locator('[data-archivio="nav-item"]').count()).toBe(1);

    // A reload on the archive's own route opens it again.
    await archiveItem(page).click();
    await expectArchiveShown(page);
    await page.reload();
    await expect.poll(() => archiveItem(page).count(), { timeout: 15_000 }).toBe(1);
    await expectArchiveShown(page);
    await page.close();
  });

  it('falls back to a floating launcher and Alt+Shift+A when the page loses its navigation, reporting no mail', async () => {
    const page = await webmailAsMario();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.evaluate(() => document.querySelector('nav')!.remove());
    const launcher = page.locator('[data-archivio="launcher"]').getByRole('button', { name: 'Archivio' });
    await expect.poll(() => launcher.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => warnings.some((text) => text.includes('[Archivio]'))).toBe(true);
    const report = warnings.find((text) => text.includes('[Archivio]'))!;
    expect(report).toContain('main#content');
    const subjects = await page.locator('li[data-message-id] .subject').allInnerTexts();
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects.filter((text) => text.trim().length > 3)) expect(report).not.toContain(subject.trim());
    expect(report).not.toContain(MARIO);

    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('Alt+Shift+KeyA');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/archivio');
    await expectArchiveShown(page);
    await page.goBack();
    await expect.poll(() => archiveFrame(page).count()).toBe(0);
    await launcher.click();
    await expectArchiveShown(page);
    await page.close();
  });

  it("opens the view the popup asks for, and passes the host's colour scheme", async () => {
    const page = await webmailAsMario('popup-target');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const extensionPage = await openExtensionPage(browser.context, browser.extensionId);
    const reply = await extensionPage.evaluate(async (pattern) => {
      const chromeApi = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(filter: object): Promise<{ id?: number }[]>;
              sendMessage(tabId: number, message: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const [tab] = await chromeApi.tabs.query({ url: pattern });
      return chromeApi.tabs.sendMessage(tab!.id!, { type: 'archivio/open-view', view: 'expiring' });
    }, `${baseUrl}/?popup-target*`);
    expect(reply).toEqual({ opened: true });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/archivio/expiring');
    await expectArchiveShown(page, 'expiring');
    const src = new URL((await archiveFrame(page).getAttribute('src'))!);
    expect(new URLSearchParams(src.hash.slice(1)).get('scheme')).toBe('dark');

    // The running archive page is told too, in its fragment, without a reload or a history entry.
    const frame = (await (await archiveFrame(page).elementHandle())!.contentFrame())!;
    await expect.poll(() => frame.url(), { timeout: 10_000 }).toContain('scheme=dark');
    const historyLength = await page.evaluate(() => history.length);
    await page.emulateMedia({ colorScheme: 'light' });
    // Polled longer than the default second: on a loaded machine the page's media query change, our observer's
    // debounce and the frame's fragment update each take a task or more.
    await expect.poll(() => archiveFrame(page).getAttribute('data-scheme'), { timeout: 10_000 }).toBe('light');
    await expect.poll(() => frame.url(), { timeout: 10_000 }).toContain('scheme=light');
    expect(frame.url()).toContain('view=expiring');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await extensionPage.close();
    await page.close();
  });
});
