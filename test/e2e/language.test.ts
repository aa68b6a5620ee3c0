// One language per screen: an English Chromium on the Italian demo webmail shows an all-Italian archive (the page's
// language wins over the browser's); with English chosen in the options, everything is English, dates included.
import { resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mergeLocale } from '../../utils/i18n/merge';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { testControl } from '../support/session';
import { newSignedInTab, openFromRow } from './support';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
const LOCALES = resolve(import.meta.dirname, '../../locales');
const ENGLISH_MONTHS =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;
const ITALIAN_MONTHS =
  /\b(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)\b/;
let browser: ExtensionBrowser;
let baseUrl: string;

/** Messages that read differently in the two languages and are long enough not to match by chance. */
function distinctive(language: 'it' | 'en'): string[] {
  const mine = mergeLocale(LOCALES, language);
  const other = mergeLocale(LOCALES, language === 'it' ? 'en' : 'it');
  return Object.entries(mine)
    .map(([key, entry]) => [entry.message, other[key]?.message] as const)
    .filter(([text, otherText]) => text !== otherText && !text.includes('$') && text.length >= 8)
    .map(([text]) => text);
}

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  // The browser's UI language (and so chrome.i18n, navigator.language) is English.
  browser = await launchWithExtension(inject('extensionDir'), { locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
});

async function archiveInWebmail(address: string): Promise<{ page: Page; app: FrameLocator }> {
  const page = await newSignedInTab(browser.context, baseUrl, address);
  await page.setViewportSize({ width: 1280, height: 800 });
  const item = page.locator('[data-archivio="nav-item"] [data-archivio-control], [data-archivio-control][data-archivio="nav-item"]').first();
  await item.waitFor({ timeout: 15_000 });
  await item.click();
  const frame = page.locator('iframe[data-archivio="archive-frame"]');
  await frame.waitFor({ timeout: 15_000 });
  const app = page.frameLocator('iframe[data-archivio="archive-frame"]');
  await app.locator('[role=tree]').waitFor({ timeout: 20_000 });
  await app.locator('[role=option][data-message-id]').first().waitFor({ timeout: 20_000 });
  return { page, app };
}

/**
 * Everything a reader sees or hears in the app (its text and the names given only to assistive technology), with
 * what the mails themselves say (senders, subjects, attachment names, in whatever language they were written) cut out.
 */
async function everyWord(app: FrameLocator): Promise<string> {
  return app.locator('html').evaluate((root) => {
    const labels = [...root.querySelectorAll('[aria-label],[title],[placeholder]')].map((element) =>
      ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? '').join(' '),
    );
    let words = `${(root as HTMLElement).innerText}\n${labels.join('\n')}\n${document.title}`;
    const fromMail = [...root.querySelectorAll('.row-who, .row-subject, .reader-subject, .person, .attachment-name')]
      .map((element) => (element.textContent ?? '').trim())
      .filter((text) => text !== '')
      .sort((a, b) => b.length - a.length);
    for (const text of fromMail) words = words.split(text).join(' ');
    return words;
  });
}

async function chooseLanguage(label: string, option: 'it' | 'en' | 'auto'): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel(label).selectOption(option);
  await options.locator('.op-status').filter({ hasText: /\S/ }).waitFor();
  await options.close();
}

describe('language of the archive inside the webmail', () => {
  it('on an English browser follows the Italian webmail: strings, month names and dates all Italian', async () => {
    const { page, app } = await archiveInWebmail(MARIO);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');
    const src = new URL((await page.locator('iframe[data-archivio="archive-frame"]').getAttribute('src'))!);
    expect(new URLSearchParams(src.hash.slice(1)).get('lang')).toBe('it');
    expect(await app.locator('html').getAttribute('lang')).toBe('it');

    await app.locator('[role=treeitem][data-folder-id="inbox"]').getByText('Posta in arrivo').waitFor();
    await app.locator('[role=tree][aria-label="Cartelle dell\'archivio"]').waitFor();
    // Open a message, so the reader's dates and sizes are on screen too.
    await openFromRow(app, app.locator('[role=option][data-message-id]').first());

    const words = await everyWord(app);
    expect(words).toMatch(ITALIAN_MONTHS);
    expect(words).not.toMatch(ENGLISH_MONTHS);
    const english = distinctive('en').filter((text) => words.includes(text));
    expect(english).toEqual([]);
    // Sizes use the Italian decimal comma where they have a decimal.
    expect(words).not.toMatch(/\d\.\d\u00a0?(KiB|MiB|GiB)/);
    await page.close();
  });

  it('with English chosen in the options, the same webmail shows an all-English archive', async () => {
    await chooseLanguage('Interface language', 'en');
    const { page, app } = await archiveInWebmail(MARIO);
    // What the content script draws on the Italian page speaks the chosen language too (here the fallback launcher).
    const other = await newSignedInTab(browser.context, baseUrl, MARIO);
    await other.evaluate(() => document.querySelector('nav')!.remove());
    const launcher = other.locator('[data-archivio="launcher"] button');
    await launcher.waitFor({ timeout: 15_000 });
    expect(await launcher.getAttribute('title')).toBe('Open the security archive, Archivio (Alt+Shift+A)');
    await other.close();
    expect(await app.locator('html').getAttribute('lang')).toBe('en');
    await app.locator('[role=tree][aria-label="Archive folders"]').waitFor();
    await app.locator('[role=treeitem][data-folder-id="inbox"]').getByText('Inbox').waitFor();
    await openFromRow(app, app.locator('[role=option][data-message-id]').first());

    const words = await everyWord(app);
    // Dates we format: the folder names, the list's dates, the reader's date.
    const dates = (await app.locator('.tree-label, .row-date, .header-list dd').allTextContents()).join('\n');
    expect(dates).toMatch(ENGLISH_MONTHS);
    expect(dates).not.toMatch(ITALIAN_MONTHS);
    expect(distinctive('it').filter((text) => words.includes(text))).toEqual([]);
    await page.close();
    await chooseLanguage('Interface language', 'auto');
  });
});

describe('language of the popup', () => {
  it('speaks the browser language when nothing is chosen, and "Copia impostazioni" is named by its visible words', async () => {
    const webmail = await newSignedInTab(browser.context, baseUrl, GIULIA);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(baseUrl)}`);
    await popup.locator(`[data-account="${GIULIA}"]`).waitFor({ timeout: 15_000 });
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    await popup.getByRole('button', { name: 'Copy settings', exact: true }).waitFor();
    await popup.close();

    await chooseLanguage('Interface language', 'it');
    const italian = await browser.context.newPage();
    await italian.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(baseUrl)}`);
    await italian.locator(`[data-account="${GIULIA}"]`).waitFor({ timeout: 15_000 });
    expect(await italian.locator('html').getAttribute('lang')).toBe('it');
    const button = italian.locator('button.arc-copy__button').filter({ hasText: 'Copia impostazioni' });
    const visible = ((await button.textContent()) ?? '').trim();
    expect(visible).toBe('Copia impostazioni');
    // The accessible name, as the browser computes it, contains the visible label (WCAG 2.5.3).
    await italian.getByRole('button', { name: visible, exact: true }).waitFor();
    const words = await italian.locator('html').evaluate((root) => (root as HTMLElement).innerText);
    expect(words).not.toMatch(ENGLISH_MONTHS);
    await italian.close();
    await webmail.close();
    await chooseLanguage("Lingua dell'interfaccia", 'auto');
  });
});
