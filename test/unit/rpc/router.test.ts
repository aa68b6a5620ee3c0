import { describe, expect, it } from 'vitest';
import type { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore } from '@/utils/background/identity';
import { referenceProfile } from '@/utils/providers/profile';
import { RPC_TAG } from '@/utils/rpc/tag';
import { createRouter } from '@/utils/rpc/router';
import { frameTickets } from '@/utils/background/frame-tickets';
import { classifySender } from '@/utils/rpc/sender';

const profile = referenceProfile(8787);
const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const WEBMAIL = 'http://127.0.0.1:8787';

const calls: string[] = [];
// Records which operation the router reached; the gate is what is under test here.
const service = new Proxy(
  {},
  {
    get:
      (_t, name: string) =>
      async (...args: unknown[]) => {
        calls.push(`${name}:${JSON.stringify(args)}`);
        return { called: name };
      },
  },
) as unknown as ArchiveService;

const route = createRouter({
  service,
  identities: memoryIdentityStore(),
  profile,
  extensionId: EXT_ID,
  extensionOrigin: EXT_ORIGIN,
  startDownload: async () => undefined,
  frameTickets: frameTickets(),
  injectPostmasterPage: async (tabId) => void calls.push(`inject:${tabId}`),
});

const contentSender = { id: EXT_ID, url: `${WEBMAIL}/#/posta`, tab: { id: 7, url: `${WEBMAIL}/#/posta` }, frameId: 0 };
const frameSender = { id: EXT_ID, url: `${EXT_ORIGIN}/archive.html`, tab: { id: 7, url: `${WEBMAIL}/#/posta` }, frameId: 3 };
const popupSender = { id: EXT_ID, url: `${EXT_ORIGIN}/popup.html` };
const msg = (name: string, payload: unknown) => ({ tag: RPC_TAG, name, payload });

describe('sender classification', () => {
  it('tells extension pages, webmail content scripts and strangers apart', () => {
    expect(classifySender(popupSender, EXT_ID, EXT_ORIGIN, profile)).toEqual({ kind: 'extension', tabOrigin: null });
    expect(classifySender(frameSender, EXT_ID, EXT_ORIGIN, profile)).toEqual({ kind: 'extension', tabOrigin: WEBMAIL });
    expect(classifySender(contentSender, EXT_ID, EXT_ORIGIN, profile)).toEqual({ kind: 'content', origin: WEBMAIL, tabId: 7 });
    expect(classifySender({ ...contentSender, id: 'other-extension' }, EXT_ID, EXT_ORIGIN, profile)).toBeNull();
    const elsewhere = { id: EXT_ID, url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' } };
    expect(classifySender(elsewhere, EXT_ID, EXT_ORIGIN, profile)).toBeNull();
  });
});

describe('router', () => {
  it('ignores messages that are not ours', async () => {
    expect(await route({ hello: 'world' }, popupSender)).toBeUndefined();
    expect(await route(msg('no.such.request', {}), popupSender)).toBeUndefined();
  });

  it('refuses privileged operations from content scripts, whatever the payload', async () => {
    calls.length = 0;
    for (const [name, payload] of [
      ['admin.disable', { mailbox: 'mario.rossi@example.it', confirm: 'mario.rossi@example.it' }],
      ['admin.updateSettings', { mailbox: 'mario.rossi@example.it', patch: { writable: true } }],
      ['message.delete', { id: 'abc', folderId: 'sent' }],
      ['message.get', { id: 'abc' }],
    ] as const) {
      const reply = await route(msg(name, payload), contentSender);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it('validates payloads before anything runs', async () => {
    calls.length = 0;
    const bad = [
      msg('message.get', { id: '../../etc/passwd' }),
      msg('messages.list', { folderId: 'sent', offset: -1, limit: 10 }),
      msg('admin.disable', { mailbox: 'not an address', confirm: 'x' }),
      msg('folders.list', { origin: 'https://evil.example' }),
    ];
    for (const message of bad) {
      expect(await route(message, frameSender)).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    }
    expect(calls).toEqual([]);
  });

  it('pins a content script to its own webmail origin', async () => {
    calls.length = 0;
    const reply = await route(msg('session.get', { origin: 'http://localhost:8787' }), contentSender);
    expect(reply).toMatchObject({ ok: true });
    expect(calls).toEqual([`session:["${WEBMAIL}",null,{"fromWebmailPage":true}]`]);
  });

  it("takes the page's address as a sign-in hint only when it is an address", async () => {
    calls.length = 0;
    await route(msg('session.get', { accountHint: 'mario.rossi@example.it' }), contentSender);
    const refused = await route(msg('session.get', { accountHint: '<img src=x onerror=alert(1)>' }), contentSender);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(calls).toEqual([`session:["${WEBMAIL}","mario.rossi@example.it",{"fromWebmailPage":true}]`]);
  });

  it("lets a content script sign out only its own webmail's archive session, and nobody else drive it", async () => {
    calls.length = 0;
    expect(await route(msg('session.signedOut', { origin: 'http://localhost:8787' }), contentSender)).toEqual({ ok: true, value: undefined });
    const page = { id: undefined, url: `${WEBMAIL}/`, tab: { id: 7, url: `${WEBMAIL}/` } };
    expect(await route(msg('session.signedOut', {}), page)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const otherTab = { ...contentSender, url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' } };
    expect(await route(msg('session.signedOut', {}), otherTab)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calls).toEqual([`hostSignedOut:["${WEBMAIL}"]`]);
  });

  it("takes the archive's password from our frames and popup only, never from a content script", async () => {
    calls.length = 0;
    const credentials = { address: 'mario.rossi@example.it', password: 'archivio-demo' };
    expect(await route(msg('session.signIn', credentials), contentSender)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await route(msg('session.signIn', { ...credentials, password: '' }), frameSender)).toMatchObject({
      ok: false,
      error: { kind: 'bad_message' },
    });
    expect(await route(msg('session.signIn', credentials), frameSender)).toMatchObject({ ok: true });
    expect(calls).toEqual([`signIn:["${WEBMAIL}","mario.rossi@example.it","archivio-demo"]`]);
  });

  it("serves extension pages on the origin they ask for, if it is the profile's", async () => {
    calls.length = 0;
    await route(msg('folders.list', { origin: 'http://localhost:8787' }), popupSender);
    await route(msg('folders.list', {}), frameSender);
    expect(calls).toEqual(['folders:["http://localhost:8787"]', `folders:["${WEBMAIL}"]`]);
  });
});

describe('postmaster frame tickets through the router', () => {
  const frame = { view: 'disable', mailboxes: ['mario.rossi@example.it'], scheme: null };

  it('issues a ticket to the content script and gives the view once to our frame in the same tab', async () => {
    const issued = (await route(msg('frame.open', { frame }), contentSender)) as { ok: true; value: { ticket: string } };
    expect(issued.ok).toBe(true);
    const ticket = issued.value.ticket;
    // A content script cannot redeem it (only extension frames can), and a popup is on no webmail tab's origin.
    expect(await route(msg('frame.redeem', { ticket }), contentSender)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await route(msg('frame.redeem', { ticket, origin: 'http://localhost:8787' }), frameSender)).toEqual({ ok: true, value: null });
    const issuedAgain = (await route(msg('frame.open', { frame }), contentSender)) as { ok: true; value: { ticket: string } };
    const redeemed = await route(msg('frame.redeem', { ticket: issuedAgain.value.ticket }), frameSender);
    expect(redeemed).toEqual({ ok: true, value: { ...frame, origin: WEBMAIL } });
    expect(await route(msg('frame.redeem', { ticket: issuedAgain.value.ticket }), frameSender)).toEqual({ ok: true, value: null });
  });

  it('refuses frames it could not show: unknown views, several mailboxes outside bulk, bad addresses', async () => {
    for (const bad of [
      { ...frame, view: 'delete-all' },
      { ...frame, mailboxes: ['mario.rossi@example.it', 'luca.neri@example.it'] },
      { ...frame, mailboxes: ['not an address'] },
      { ...frame, mailboxes: [] },
    ]) {
      expect(await route(msg('frame.open', { frame: bad }), contentSender), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { kind: 'bad_message' },
      });
    }
  });
});

describe("the postmaster's page script", () => {
  const injected: number[] = [];
  const routerFor = (role: 'user' | 'postmaster') =>
    createRouter({
      service: { account: async () => ({ address: 'postmaster@example.it', role }) } as unknown as ArchiveService,
      identities: memoryIdentityStore(),
      profile,
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      startDownload: async () => undefined,
      frameTickets: frameTickets(),
      injectPostmasterPage: async (tabId) => void injected.push(tabId),
    });

  it("is added to the asking webmail tab only when the provider says the session is the postmaster's", async () => {
    injected.length = 0;
    expect(await routerFor('user')(msg('page.postmaster', {}), contentSender)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(injected).toEqual([]);
    expect(await routerFor('postmaster')(msg('page.postmaster', {}), contentSender)).toEqual({ ok: true, value: undefined });
    expect(injected).toEqual([contentSender.tab.id]);
  });

  it('is never injected at the request of an extension page', async () => {
    injected.length = 0;
    expect(await routerFor('postmaster')(msg('page.postmaster', {}), frameSender)).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(injected).toEqual([]);
  });
});
