// Hostile mail end to end: every field a sender controls, delivered over SMTP, shown on every screen of the archive
// inside the webmail; nothing it carries runs, navigates or opens a dialog, and it is shown as text.
// Also: messages posted to the webmail window with our tags, by the page or by a frame of it, do nothing.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MessageSummary } from '../../utils/api/schemas';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { signIn, testControl } from '../support/session';
import { openFromRow, signInOnWebmail } from './support';

const MARIO = 'mario.rossi@example.it';
const corpus = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/hostile/vectors.json'), 'utf8')) as {
  sentinel: string;
  vectors: { name: string; text: string }[];
};
const VECTORS = corpus.vectors.map((vector) => ({ ...vector, text: vector.text.replaceAll('SENTINEL', corpus.sentinel) }));
const token = randomBytes(4).toString('hex');

let browser: ExtensionBrowser;
let baseUrl: string;
let webmail: Page;
const dialogs: string[] = [];
const topNavigations: string[] = [];
const archiveNavigations: string[] = [];

// RFC 2047 and RFC 2231 so every byte of the hostile text reaches the provider's parser as the sender wrote it.
const word = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
const quotedLocal = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '')}"`;
const base64 = (text: string) =>
  (
    Buffer.from(text)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');

function rawMail(vector: { name: string; text: string }, index: number, kind: 'html' | 'text'): string {
  const subject = `${vector.text} ${token}-${kind}-${index}`;
  const boundary = `b-${token}-${index}`;
  const head = [
    `From: ${word(vector.text)} <${quotedLocal(vector.text.slice(0, 60))}@evil.example>`,
    `To: ${word(vector.text)} <${MARIO}>`,
    `Cc: ${word(`Cc ${vector.text}`)} <${quotedLocal(`cc-${vector.name}<b>x</b>`)}@evil.example>`,
    `Subject: ${word(subject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${token}.${kind}.${index}@evil.example>`,
    'MIME-Version: 1.0',
  ];
  if (kind === 'text') {
    return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64(`Testo ${vector.text}`), ''].join(
      '\r\n',
    );
  }
  const html = `<!doctype html><html><head><title>${vector.text}</title></head><body><p>Corpo ${token}</p>${vector.text}</body></html>`;
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64(html),
    `--${boundary}`,
    `Content-Type: text/html; name="${word(vector.text)}"`,
    `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(vector.text)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64(vector.text),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Sets in any frame that a sentinel ran; a frame that runs no script at all (the sandboxed body) answers nothing. */
async function sentinels(page: Page): Promise<{ url: string; pwned: unknown; title: string }[]> {
  const probe = (frame: Frame) =>
    Promise.race([
      frame
        .evaluate(() => ({ url: location.href, pwned: (globalThis as { __pwned?: unknown }).__pwned ?? null, title: document.title }))
        .catch(() => null),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
    ]);
  const results = await Promise.all(page.frames().map(probe));
  return results.flatMap((result) => (result === null ? [] : [result]));
}

/** `frames`: how many frames must answer the probe (webmail, archive, and the body frame when one is shown). */
async function expectNothingRan(page: Page, where: string, frames = 2): Promise<void> {
  const seen = await sentinels(page);
  expect(seen.length, where).toBeGreaterThanOrEqual(frames);
  for (const frame of seen) {
    expect(frame.pwned, `${where}: ${frame.url}`).toBeNull();
    expect(frame.title, `${where}: ${frame.url}`).not.toBe('pwned');
  }
  expect(dialogs, where).toEqual([]);
  expect(topNavigations, where).toEqual([]);
  expect(archiveNavigations, where).toEqual([]);
  for (const frame of page.frames()) {
    expect(frame.url(), where).toMatch(
      /^(http:\/\/(127\.0\.0\.1|localhost):\d+\/|chrome-extension:\/\/[a-p]{32}\/archive\.html|about:srcdoc$|about:blank$)/,
    );
  }
}

const archiveFrameLocator = (page: Page): FrameLocator => page.frameLocator('main#content iframe[title="Archivio"]');
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

async function provider<T>(path: string): Promise<T> {
  const session = await signIn(baseUrl, MARIO);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive${path}`, baseUrl));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

let delivered: { summary: MessageSummary; vector: { name: string; text: string }; kind: 'html' | 'text' }[] = [];

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inject('e2eSmtpPort'), secure: false, ignoreTLS: true });
  try {
    for (const [index, vector] of VECTORS.entries()) {
      for (const kind of ['html', 'text'] as const) {
        await transport.sendMail({ envelope: { from: 'mittente@evil.example', to: MARIO }, raw: rawMail(vector, index, kind) });
      }
    }
  } finally {
    transport.close();
  }
  // Two mails a vector, more than one page of the provider's search (at most 200 a page): follow its cursor.
  const found: MessageSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: MessageSummary[]; nextCursor: string | null } = await provider(
      `/search?q=${token}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  delivered = found.map((summary) => {
    const [, kind, index] = /-(html|text)-(\d+)$/.exec(summary.subject)!;
    return { summary, vector: VECTORS[Number(index)]!, kind: kind as 'html' | 'text' };
  });
  expect(delivered.length).toBe(VECTORS.length * 2);

  browser = await launchWithExtension(inject('extensionDir'));
  webmail = await browser.context.newPage();
  await webmail.setViewportSize({ width: 1280, height: 900 });
  await signInOnWebmail(webmail, baseUrl, MARIO);
  webmail.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await webmail.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Archivio', exact: true }).click();
  await archiveFrameLocator(webmail).getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 20_000 });
  const top = webmail.mainFrame();
  const archive = webmail.frames().find((frame) => frame.url().includes('/archive.html'))!;
  webmail.on('framenavigated', (frame) => {
    if (frame === top && new URL(frame.url()).hash !== '#/archivio') topNavigations.push(frame.url());
    if (frame === archive) archiveNavigations.push(frame.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await testControl(baseUrl, 'clock', { now: null }).catch(() => undefined);
  await testControl(baseUrl, 'reset').catch(() => undefined);
});

describe('hostile mail on every screen of the archive', () => {
  it(`list and reader: ${VECTORS.length} vectors in subject, names, addresses, attachment names, HTML and text bodies`, async () => {
    const app = archiveFrameLocator(webmail);
    const folderId = delivered[0]!.summary.folderId;
    await app.locator(`[role=treeitem][data-folder-id="${folderId}"]`).click();
    const list = app.getByRole('listbox', { name: /^Messaggi in / });
    await list.waitFor();
    await app.locator('[role=option][data-message-id]').first().waitFor();
    const byId = new Map(delivered.map((entry) => [entry.summary.id, entry]));
    const opened = new Set<string>();
    await list.focus();
    await list.press('Home');
    // Newest first: our messages fill the top of the month; walk down them with the keyboard, opening each.
    for (let position = 1; opened.size < delivered.length && position <= delivered.length + 40; position++) {
      const current = app.locator(`[role=option][aria-posinset="${position}"][data-message-id]`);
      await current.waitFor();
      const id = (await current.getAttribute('data-message-id'))!;
      const entry = byId.get(id);
      if (entry) {
        // The list row shows the subject and the sender's name as text.
        expect(normalize((await current.textContent()) ?? '')).toContain(normalize(entry.summary.subject));
        const headers = await openFromRow(app, current);
        await expect.poll(async () => normalize((await app.locator('.reader-subject').textContent()) ?? '')).toBe(normalize(entry.summary.subject));
        const headerText = normalize((await headers.textContent()) ?? '');
        expect(headerText).toContain(normalize(entry.vector.text.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '')).slice(0, 20));
        expect(headerText).toContain('@evil.example');
        if (entry.kind === 'html') {
          const attachment = app.locator('.attachments li');
          expect(await attachment.count()).toBe(1);
          // As the provider parsed it: an encoded word inside the RFC 2231 name is decoded once more, as mail clients do.
          expect(normalize((await attachment.textContent()) ?? '')).toContain(
            normalize(
              (await provider<{ attachments: { filename: string }[] }>(`/messages/${encodeURIComponent(entry.summary.id)}`)).attachments[0]!.filename,
            ).slice(0, 20),
          );
          await app.frameLocator('iframe.body-frame').getByText(`Corpo ${token}`).waitFor();
        } else {
          // A text body is shown as text: the markup is there letter for letter, nothing of it became elements.
          const body = app.locator('pre.body-text');
          await expect.poll(async () => normalize((await body.textContent()) ?? '')).toContain(normalize(`Testo ${entry.vector.text}`).slice(0, 40));
          expect(await body.locator('*').count()).toBe(0);
          expect(await app.locator('iframe.body-frame').count()).toBe(0);
        }
        if (entry.kind === 'html')
          expect(await app.locator('iframe.body-frame').getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
        await expectNothingRan(webmail, `${entry.kind} ${entry.vector.name}`, entry.kind === 'html' ? 3 : 2);
        opened.add(id);
        await list.focus();
      }
      await list.press('ArrowDown');
    }
    expect(opened.size).toBe(delivered.length);
    // Some handlers could need time (animations, refresh): look once more after a pause.
    await webmail.waitForTimeout(1500);
    await expectNothingRan(webmail, 'after all');
  }, 1_200_000); // ~390 mails (two a vector) opened one by one: long on a loaded 2-core CI machine

  it('search results show the hostile subjects and senders as text, and nothing runs', async () => {
    const app = archiveFrameLocator(webmail);
    await app.locator('.reader-headers').waitFor();
    await app.locator('[data-action="close-message"]').click();
    const search = app.getByRole('searchbox', { name: "Cerca nell'archivio" });
    await search.fill(token);
    await app.getByRole('listbox', { name: 'Risultati della ricerca' }).waitFor();
    await app.locator('[data-search-status="done"]').waitFor({ timeout: 20_000 });
    const shown = await app.locator('[role=option][data-message-id]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-message-id')!,
        text: row.textContent ?? '',
        elements: row.querySelectorAll('img, svg:not([aria-hidden="true"]), math, script, iframe, style').length,
      })),
    );
    expect(shown.length).toBeGreaterThan(10);
    const byId = new Map(delivered.map((entry) => [entry.summary.id, entry]));
    for (const row of shown) {
      const entry = byId.get(row.id)!;
      expect(entry).toBeDefined();
      expect(normalize(row.text)).toContain(normalize(entry.summary.subject));
      expect(row.elements).toBe(0);
    }
    await expectNothingRan(webmail, 'search');
    await search.press('Escape');
  });

  it('messages posted with our tags by the webmail page or by a frame in it do not close the archive or open dialogs', async () => {
    const archiveOpen = () => webmail.locator('main#content iframe[title="Archivio"]').isVisible();
    expect(await archiveOpen()).toBe(true);
    const forged = [
      { type: 'archivio/close' },
      { type: 'archivio/postmaster', action: 'close', changed: true },
      { type: 'archivio/postmaster', action: 'open', view: 'disable', mailbox: MARIO },
      { type: 'archivio/postmaster', action: 'resize', height: 9000 },
      { tag: 'archivio/rpc', name: 'message.delete', payload: { id: delivered[0]!.summary.id, folderId: delivered[0]!.summary.folderId } },
    ];
    await webmail.evaluate((messages) => {
      for (const message of messages) {
        window.postMessage(message, '*');
        // And into the archive frame, as the page may.
        document.querySelector<HTMLIFrameElement>('main#content iframe[title="Archivio"]')?.contentWindow?.postMessage(message, '*');
      }
      // A hostile frame of the page (here a srcdoc child, with scripts) posts to its parent and to top.
      const frame = document.createElement('iframe');
      frame.id = 'hostile-frame';
      frame.srcdoc = `<script>for (const m of ${JSON.stringify(messages)}) { parent.postMessage(m, '*'); top.postMessage(m, '*'); }</script>`;
      document.body.append(frame);
    }, forged);
    await webmail.waitForTimeout(1500);
    expect(await archiveOpen()).toBe(true);
    expect(await webmail.evaluate(() => location.hash)).toBe('#/archivio');
    expect(await webmail.locator('iframe[src*="postmaster.html"]').count()).toBe(0);
    const box = await webmail.locator('main#content iframe[title="Archivio"]').boundingBox();
    expect(box!.height).toBeLessThan(9000);
    // The message the forged request named is still in the archive.
    expect((await provider<{ id: string }>(`/messages/${delivered[0]!.summary.id}`)).id).toBe(delivered[0]!.summary.id);
    expect(dialogs).toEqual([]);
    await webmail.evaluate(() => document.getElementById('hostile-frame')?.remove());
  });

  it('"In scadenza" lists the hostile mails as text when their deletion nears, and nothing runs', async () => {
    // Mario keeps mail 24 months: move the provider's clock to 20 days before the hostile mails' deletion window and
    // purge what is overdue by then, so they are the ones due (the clock is reset after the file).
    const soon = new Date();
    soon.setMonth(soon.getMonth() + 24);
    soon.setDate(soon.getDate() - 20);
    await testControl(baseUrl, 'clock', { now: soon.toISOString() });
    await testControl(baseUrl, 'purge', {});
    const due = await provider<{ items: MessageSummary[]; total: number }>('/expiring?days=30&limit=1000');
    const byId = new Map(delivered.map((entry) => [entry.summary.id, entry]));
    expect(due.items.filter((item) => byId.has(item.id)).length).toBe(delivered.length);

    const app = archiveFrameLocator(webmail);
    await app.locator('[role=treeitem][data-folder-id="expiring"]').click();
    const list = app.getByRole('listbox', { name: 'In scadenza' });
    await list.waitFor();
    await app.locator('[role=option][data-message-id]').first().waitFor({ timeout: 20_000 });
    await list.focus();
    await list.press('Home');
    const seen = new Set<string>();
    for (let position = 1; position <= due.total; position++) {
      const row = app.locator(`[role=option][aria-posinset="${position}"][data-message-id]`);
      await row.waitFor();
      const shown = await row.evaluate((element) => ({
        id: element.getAttribute('data-message-id')!,
        text: element.textContent ?? '',
        elements: element.querySelectorAll('img, svg:not([aria-hidden="true"]), math, script, iframe, style, form, a[href]').length,
      }));
      const entry = byId.get(shown.id);
      if (entry) {
        expect(normalize(shown.text), entry.vector.name).toContain(normalize(entry.summary.subject));
        expect(shown.elements, entry.vector.name).toBe(0);
        seen.add(shown.id);
      }
      await list.press('ArrowDown');
    }
    expect(seen.size).toBe(delivered.length);
    await webmail.waitForTimeout(1000);
    await expectNothingRan(webmail, 'In scadenza');
  }, 300_000); // ~390 rows walked with the keyboard
});
