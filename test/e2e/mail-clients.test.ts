// Mail clients: what the popup's "Copia impostazioni" puts on the clipboard in the demo build is literally what a mail
// client needs — with exactly those values, imapflow and curl reach the archive over IMAPS, and SMTPS takes the login.
// IMAP access is turned on and off as the postmaster does it: the switch in the mailbox's "Archivio" tab.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { removeDataDir, startProvider, type RunningProvider } from '../support/provider';
import { signIn, type SessionFetch } from '../support/session';
import { newSignedInTab, signInOnWebmail } from './support';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const MARIO = 'mario.rossi@example.it';
const POSTMASTER = 'postmaster@example.it';
const PASSWORD = 'archivio-demo';

let provider: RunningProvider;
let browser: ExtensionBrowser;
let outDir: string;
let cert: string;
let copied: Settings;

interface Settings {
  imap: { host: string; port: number; security: string };
  smtp: { host: string; port: number; security: string };
  username: string;
}

/** Reads the clipboard text: groups split by blank lines, "Label: value" lines (labels as the Italian popup shows them). */
function parseSettings(text: string): Settings {
  const groups = text.split(/\n\s*\n/).map((block) => {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const at = line.indexOf(': ');
      if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 2).trim());
    }
    return fields;
  });
  const incoming = groups.find((g) => g.has('Server posta in entrata'));
  const outgoing = groups.find((g) => g.has('Server posta in uscita'));
  if (!incoming || !outgoing) throw new Error(`no server settings in the clipboard:\n${text}`);
  const endpoint = (g: Map<string, string>, hostLabel: string) => ({
    host: g.get(hostLabel) ?? '',
    port: Number(g.get('Porta')),
    security: g.get('Tipo di cifratura') ?? '',
  });
  return {
    imap: endpoint(incoming, 'Server posta in entrata'),
    smtp: endpoint(outgoing, 'Server posta in uscita'),
    username: incoming.get('Nome utente') ?? '',
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function imapWith(settings: Settings, pass = PASSWORD): ImapFlow {
  const client = new ImapFlow({
    host: settings.imap.host,
    port: settings.imap.port,
    secure: settings.imap.security === 'SSL/TLS',
    tls: { ca: [readFileSync(cert)] },
    auth: { user: settings.username, pass },
    logger: false,
  });
  client.on('error', () => undefined);
  return client;
}

async function imapLogin(settings: Settings): Promise<ImapFlow | Error> {
  const client = imapWith(settings);
  try {
    await client.connect();
    return client;
  } catch (error) {
    return error as Error;
  }
}

/** curl against the copied server, the generated certificate pinned as the only trusted CA. */
async function curl(settings: Settings, path: string, extra: string[] = []): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const url = `imaps://${settings.imap.host}:${settings.imap.port}/${path}`;
  try {
    const { stdout, stderr } = await run('curl', ['-sS', '--cacert', cert, '-u', `${settings.username}:${PASSWORD}`, url, ...extra], {
      encoding: 'buffer',
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr: stderr.toString() };
  } catch (error) {
    const failure = error as { code?: number; stdout?: Buffer; stderr?: Buffer };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? Buffer.alloc(0), stderr: String(failure.stderr ?? '') };
  }
}

const IMAP_SWITCH = "Accesso all'Archivio tramite IMAP";

interface PostmasterPanel {
  page: Page;
  /** The mailbox's "Archivio" tab: an extension frame inside the webmail page. */
  frame: Frame;
  imapSwitch: Locator;
}

/** Gestione → Caselle → the mailbox → tab "Archivio", as the postmaster does it in the webmail. */
async function postmasterPanel(mailbox: string): Promise<PostmasterPanel> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await signInOnWebmail(page, provider.url, POSTMASTER);
  await page.goto(`${provider.url}/#/gestione/caselle`);
  await page.locator(`tr[data-mailbox="${mailbox}"] a`).first().click();
  const tab = page.getByRole('tab', { name: 'Archivio', exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  const imapSwitch = page.frameLocator('#archivio-panel iframe').getByRole('switch', { name: IMAP_SWITCH });
  await imapSwitch.waitFor();
  const frame = (await (await page.locator('#archivio-panel iframe').elementHandle())!.contentFrame())!;
  return { page, frame, imapSwitch };
}

/**
 * Clicks "Accesso all'Archivio tramite IMAP" and returns the wall-clock time (ms) at which the panel showed the change
 * saved: the switch in the new position and no longer busy, i.e. the provider's reply applied. Taken inside the frame
 * by a mutation observer, so the test's own polling delay does not shorten the measurement.
 */
async function clickImapSwitch(panel: PostmasterPanel, on: boolean): Promise<number> {
  expect(await panel.imapSwitch.getAttribute('aria-checked')).toBe(String(!on));
  const saved = panel.frame.evaluate(
    ([label, want]) =>
      new Promise<number>((resolve) => {
        const isSaved = () =>
          [...document.querySelectorAll('[role=switch]')].some(
            (button) =>
              document.getElementById(button.getAttribute('aria-labelledby') ?? '')?.textContent === label &&
              button.getAttribute('aria-checked') === want &&
              button.getAttribute('aria-busy') !== 'true',
          );
        const observer = new MutationObserver(() => {
          if (!isSaved()) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
    [IMAP_SWITCH, String(on)] as const,
  );
  await panel.imapSwitch.click();
  return saved;
}

interface AcceptedLogin {
  /** When the first accepted attempt was started, in ms after `since`. */
  startedAfter: number;
  /** When it completed (the client logged in), in ms after `since`. */
  loggedInAfter: number;
}

/**
 * Polls with login attempts from `since`, starting them during the product's promised second, and returns the first
 * one the server accepted, or null when none started in that second was. One attempt at a time; a refused login is
 * held 1 s by Dovecot, so when one has been under way for 400 ms a second connection starts beside it (more would
 * only load the machine and slow every login down). A login's own duration is the machine's (a Node.js start for
 * the password check, TLS), so it is measured and reported, not bounded.
 */
async function firstLoginWithin(since: number, attempt: () => Promise<boolean>): Promise<AcceptedLogin | null> {
  const deadline = since + 1_000;
  const attempts: Promise<void>[] = [];
  const underWay: number[] = [];
  let first: AcceptedLogin | null = null;
  while (first === null && Date.now() < deadline) {
    const startedAt = Date.now();
    if (underWay.length === 0 || (underWay.length < 2 && startedAt - underWay[underWay.length - 1]! >= 400)) {
      underWay.push(startedAt);
      attempts.push(
        attempt()
          .then(
            (accepted) => {
              const login = { startedAfter: startedAt - since, loggedInAfter: Date.now() - since };
              if (accepted && (first === null || login.startedAfter < first.startedAfter)) first = login;
            },
            () => undefined,
          )
          .finally(() => underWay.splice(underWay.indexOf(startedAt), 1)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // An attempt under way at the deadline may still be accepted: only new ones stop.
  await Promise.all(attempts);
  return first;
}

async function statusOf(address: string): Promise<{ imapAccess: boolean }> {
  const postmaster = await signIn(provider.url, POSTMASTER);
  const reply = await postmaster.fetch(new URL(`/api/archive/v1/mailboxes/${address}/archive`, provider.url));
  expect(reply.status).toBe(200);
  return (await reply.json()) as { imapAccess: boolean };
}

async function setArchive(address: string, patch: Record<string, unknown>): Promise<void> {
  const postmaster = await signIn(provider.url, POSTMASTER);
  const reply = await postmaster.fetch(new URL(`/api/archive/v1/mailboxes/${address}/archive`, provider.url), {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(patch),
  });
  expect(reply.status).toBe(200);
}

/** The first month of Posta in arrivo that holds messages, as the API lists it. */
async function firstFilledMonth(owner: SessionFetch): Promise<{ id: string; kind: string; name: string; messageCount: number }> {
  const folders = (await api(owner, '/folders')).folders as Array<{ id: string; kind: string; name: string; messageCount: number }>;
  return folders.find((f) => f.kind === 'inbox-month' && f.messageCount > 0)!;
}

async function api(owner: SessionFetch, path: string): Promise<any> {
  const reply = await owner.fetch(new URL(`/api/archive/v1/mailboxes/${MARIO}/archive${path}`, provider.url));
  expect(reply.status).toBe(200);
  return reply.json();
}

beforeAll(async () => {
  provider = await startProvider({ seed: true, testMode: true, imap: { imapsPort: await freePort(), smtpsPort: await freePort() } });
  cert = join(provider.dataDir, 'imap', 'tls', 'cert.pem');
  outDir = join(ROOT, '.output', `e2e-mail-${process.pid}`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, WXT_DEMO_PORT: String(provider.port), ARCHIVIO_OUT_DIR: outDir },
    stdio: 'pipe',
  });
  browser = await launchWithExtension(join(outDir, 'chrome-mv3-demo'));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await browser?.close();
  await provider?.stop();
  if (provider) removeDataDir(provider.dataDir);
  if (outDir) removeDataDir(outDir);
});

describe('the settings the popup copies', () => {
  it('names the local IMAPS and SMTPS servers and the archive login', async () => {
    await newSignedInTab(browser.context, provider.url, MARIO);
    const popup: Page = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(provider.url)}`);
    await popup.locator(`[data-account="${MARIO}"]`).waitFor({ timeout: 15_000 });
    await popup.locator('.arc-quota').waitFor();
    await popup.bringToFront();
    // The visible "Copia impostazioni" button, named by its caption; the same element through its confirmation.
    const button = (await popup.getByRole('button', { name: 'Copia impostazioni', exact: true }).elementHandle())!;
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copiato ✓');
    copied = parseSettings(await popup.evaluate(() => navigator.clipboard.readText()));
    expect(copied.imap).toMatchObject({ host: '127.0.0.1', security: 'SSL/TLS' });
    expect(copied.smtp).toMatchObject({ host: '127.0.0.1', security: 'SSL/TLS' });
    expect(copied.username).toBe('mario.rossi_example.it@archivio.postassl.it');
    await popup.close();
  });

  it('puts the same servers in the Apple and Thunderbird profiles the popup generates', async () => {
    await newSignedInTab(browser.context, provider.url, MARIO);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(provider.url)}`);
    await popup.locator('.arc-quota').waitFor({ timeout: 15_000 });
    const [apple] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Profilo Apple (.mobileconfig)' }).click()]);
    const plist = readFileSync((await apple.path())!, 'utf8');
    const plistValue = (key: string) => new RegExp(`<key>${key}</key>\\s*<(?:string|integer)>([^<]*)<`).exec(plist)?.[1];
    expect(plistValue('IncomingMailServerHostName')).toBe(copied.imap.host);
    expect(Number(plistValue('IncomingMailServerPortNumber'))).toBe(copied.imap.port);
    expect(plistValue('IncomingMailServerUsername')).toBe(copied.username);
    expect(plistValue('OutgoingMailServerHostName')).toBe(copied.smtp.host);
    expect(Number(plistValue('OutgoingMailServerPortNumber'))).toBe(copied.smtp.port);
    const [thunderbird] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Thunderbird (config-v1.1.xml)' }).click(),
    ]);
    const xml = readFileSync((await thunderbird.path())!, 'utf8');
    const server = (type: string) => new RegExp(`<${type}[^>]*>([\\s\\S]*?)</${type}>`).exec(xml)?.[1] ?? '';
    const field = (block: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1];
    expect(field(server('incomingServer'), 'hostname')).toBe(copied.imap.host);
    expect(Number(field(server('incomingServer'), 'port'))).toBe(copied.imap.port);
    expect(field(server('incomingServer'), 'socketType')).toBe('SSL');
    expect(field(server('incomingServer'), 'username')).toBe(copied.username);
    expect(field(server('outgoingServer'), 'hostname')).toBe(copied.smtp.host);
    expect(Number(field(server('outgoingServer'), 'port'))).toBe(copied.smtp.port);
    await popup.close();
  });

  it('refuses the login while IMAP access is off and lets it in within one second of the postmaster turning it on in the panel', async () => {
    expect(await imapLogin(copied)).toBeInstanceOf(Error);
    expect((await curl(copied, '')).code).toBe(67);
    const panel = await postmasterPanel(MARIO);
    const savedAt = await clickImapSwitch(panel, true);
    const [imap, curled] = await Promise.all([
      firstLoginWithin(savedAt, async () => {
        const client = await imapLogin(copied);
        if (client instanceof Error) return false;
        await client.logout();
        return true;
      }),
      firstLoginWithin(savedAt, async () => (await curl(copied, '')).code === 0),
    ]);
    const described = (login: AcceptedLogin | null) =>
      login ? `attempt started ${login.startedAfter} ms after, logged in ${login.loggedInAfter} ms after` : 'no login accepted';
    console.log(`IMAP access turned on in the panel: imapflow ${described(imap)}; curl ${described(curled)}`);
    expect(imap).not.toBeNull();
    expect(curled).not.toBeNull();
    expect((await statusOf(MARIO)).imapAccess).toBe(true);
    // For scale: one login on this machine once access has long been on.
    const ordinary = await firstLoginWithin(Date.now(), async () => (await curl(copied, '')).code === 0);
    console.log(`for comparison, a curl login with IMAP access already on: ${described(ordinary)}`);
    await panel.page.close();
  });

  it('lists the months of Posta in arrivo and Posta inviata, with imapflow and with curl', async () => {
    const owner = await signIn(provider.url, MARIO);
    const months = ((await api(owner, '/folders')).folders as Array<{ kind: string; name: string }>).filter((f) => f.kind === 'inbox-month');
    const client = (await imapLogin(copied)) as ImapFlow;
    const names = (await client.list()).map((m) => m.path);
    await client.logout();
    const listing = (await curl(copied, '')).stdout.toString();
    for (const month of months) {
      expect(names).toContain(`Posta in arrivo/${month.name}`);
      expect(listing).toContain(`"Posta in arrivo/${month.name}"`);
    }
    expect(names).toContain('Posta inviata');
    expect(listing).toContain('"Posta inviata"');
  });

  it('fetches a message whose bytes equal the .eml download', async () => {
    const owner = await signIn(provider.url, MARIO);
    const month = await firstFilledMonth(owner);
    const fetched = await curl(copied, `${encodeURIComponent(`Posta in arrivo/${month.name}`)};UID=1`);
    expect(fetched.code).toBe(0);
    const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(fetched.stdout.toString('latin1'))?.[1];
    expect(messageId).toBeTruthy();
    const items = (await api(owner, `/folders/${month.id}/messages?limit=200`)).items as Array<{ id: string; messageId: string }>;
    const summary = items.find((m) => m.messageId === messageId || `<${m.messageId}>` === messageId)!;
    expect(summary).toBeTruthy();
    const download = await owner.fetch(new URL(`/api/archive/v1/mailboxes/${MARIO}/archive/messages/${summary.id}/raw`, provider.url));
    expect(Buffer.from(await download.arrayBuffer()).equals(fetched.stdout)).toBe(true);

    const client = (await imapLogin(copied)) as ImapFlow;
    await client.mailboxOpen(`Posta in arrivo/${month.name}`);
    const message = await client.fetchOne('1', { source: true }, { uid: true });
    await client.logout();
    expect(message && message.source?.equals(fetched.stdout)).toBe(true);
  });

  it('refuses writes in read-only mode: the message counts stay as they were', async () => {
    const owner = await signIn(provider.url, MARIO);
    const month = await firstFilledMonth(owner);
    const box = `Posta in arrivo/${month.name}`;
    const client = (await imapLogin(copied)) as ImapFlow;
    const opened = await client.mailboxOpen(box);
    expect(opened.readOnly).toBe(true);
    await client.messageDelete('1:*').catch(() => false);
    await client.append('Posta inviata', 'Subject: planted\r\n\r\nx\r\n').catch(() => false);
    await client.mailboxClose();
    const store = await curl(copied, encodeURIComponent(box), ['-X', 'STORE 1:* +FLAGS (\\Deleted)']);
    const expunge = await curl(copied, encodeURIComponent(box), ['-X', 'EXPUNGE']);
    // Dovecot may answer OK to a STORE it cannot apply (RFC 4314); what counts is that nothing changed.
    expect(store.stdout.toString()).not.toMatch(/\\Deleted/);
    expect(expunge.stdout.toString()).not.toMatch(/EXPUNGE/);
    const flags = await curl(copied, encodeURIComponent(box), ['-X', 'FETCH 1:* (FLAGS)']);
    expect(flags.code).toBe(0);
    expect(flags.stdout.toString()).toMatch(/FETCH/);
    expect(flags.stdout.toString()).not.toMatch(/\\Deleted/);
    await client.logout().catch(() => undefined);
    const after = ((await api(owner, '/folders')).folders as Array<{ id: string; messageCount: number }>).find((f) => f.id === month.id)!;
    expect(after.messageCount).toBe(month.messageCount);
    expect(await countWith(box)).toBe(month.messageCount);
  });

  it('may delete in write mode, and the Archivio tab then no longer shows the message', async () => {
    await setArchive(MARIO, { writable: true });
    const owner = await signIn(provider.url, MARIO);
    const month = await firstFilledMonth(owner);
    const box = `Posta in arrivo/${month.name}`;
    const client = (await imapLogin(copied)) as ImapFlow;
    const opened = await client.mailboxOpen(box);
    expect(opened.readOnly).toBe(false);
    // The month's newest message: the top row of the listing, in view however many the month holds.
    const fetched = await client.fetchOne('*', { envelope: true, uid: true });
    if (!fetched) throw new Error('no last message over IMAP');
    const messageId = fetched.envelope?.messageId;
    expect(messageId).toBeTruthy();
    const items = (await api(owner, `/folders/${month.id}/messages?limit=200`)).items as Array<{ id: string; messageId: string }>;
    const summary = items.find((m) => m.messageId === messageId || `<${m.messageId}>` === messageId)!;
    expect(summary).toBeTruthy();

    // The archive as the user sees it, listing (and caching) the message first.
    const webmail = await newSignedInTab(browser.context, provider.url, MARIO);
    const app = await browser.context.newPage();
    const archiveUrl = `chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(provider.url)}&view=${month.id}`;
    await app.goto(archiveUrl);
    const row = app.locator(`[role=option][data-message-id="${summary.id}"]`);
    await row.waitFor();

    expect(await client.messageDelete(String(fetched.uid), { uid: true })).toBe(true);
    await client.logout();
    expect(await countWith(box)).toBe(month.messageCount - 1);
    await expect
      .poll(async () =>
        ((await api(owner, `/folders/${month.id}/messages?limit=200`)).items as Array<{ id: string }>).some((m) => m.id === summary.id),
      )
      .toBe(false);
    // At its next refresh the extension's cache follows: the row is gone from the Archivio tab.
    await expect
      .poll(
        async () => {
          await app.goto('about:blank');
          await app.goto(archiveUrl);
          // Rows, or the empty month's text when the deleted message was its last.
          await app.locator('[role=option][data-message-id], .list-empty').first().waitFor();
          return row.count();
        },
        { timeout: 20_000 },
      )
      .toBe(0);
    await app.close();
    await webmail.close();
    await setArchive(MARIO, { writable: false });
  });

  it('takes the same login over SMTPS and refuses to send with a clear 550', async () => {
    const transport = nodemailer.createTransport({
      host: copied.smtp.host,
      port: copied.smtp.port,
      secure: copied.smtp.security === 'SSL/TLS',
      tls: { ca: [readFileSync(cert)] },
      auth: { user: copied.username, pass: PASSWORD },
    });
    await expect(transport.verify()).resolves.toBe(true);
    const refused = await transport.sendMail({ from: MARIO, to: 'someone@example.org', subject: 'x', text: 'x' }).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error & { responseCode?: number }).responseCode).toBe(550);
    expect((refused as Error).message).toMatch(/does not send/);
    const wrong = nodemailer.createTransport({
      host: copied.smtp.host,
      port: copied.smtp.port,
      secure: true,
      tls: { ca: [readFileSync(cert)] },
      auth: { user: copied.username, pass: 'wrong' },
    });
    await expect(wrong.verify()).rejects.toThrow();

    // curl with the same values: the login goes through, the message is refused with the 550.
    const smtpUrl = `smtps://${copied.smtp.host}:${copied.smtp.port}`;
    const sent = await run(
      'curl',
      [
        '-sS',
        '--cacert',
        cert,
        '-u',
        `${copied.username}:${PASSWORD}`,
        smtpUrl,
        '--mail-from',
        MARIO,
        '--mail-rcpt',
        'someone@example.org',
        '-T',
        '/dev/null',
      ],
      {
        timeout: 20_000,
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code ?? -1, stderr: String(error.stderr ?? '') }),
    );
    expect(sent.code).toBe(55);
    expect(sent.stderr).toMatch(/550/);
    transport.close();
    wrong.close();
  });

  it('refuses the login again once the postmaster turns IMAP access off in the panel', async () => {
    const open = (await imapLogin(copied)) as ImapFlow;
    expect(open).not.toBeInstanceOf(Error);
    const panel = await postmasterPanel(MARIO);
    const savedAt = await clickImapSwitch(panel, false);
    const started = Date.now();
    expect(await imapLogin(copied)).toBeInstanceOf(Error);
    expect((await curl(copied, '')).code).toBe(67);
    console.log(`IMAP access turned off in the panel: a login started ${started - savedAt} ms after is refused`);
    expect((await statusOf(MARIO)).imapAccess).toBe(false);
    // The session opened before is disconnected too.
    await expect.poll(() => open.usable, { timeout: 5_000 }).toBe(false);
    await panel.page.close();
  });
});

async function countWith(box: string): Promise<number> {
  const status = await curl(copied, '', ['-X', `STATUS "${box}" (MESSAGES)`]);
  return Number(/MESSAGES (\d+)/.exec(status.stdout.toString())?.[1] ?? -1);
}
