// The background's router under random messages and random senders: whatever arrives, nothing runs unless the
// envelope is ours, the sender is one of our contexts allowed that request, and the payload is valid.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ArchiveService } from '@/utils/background/archive-service';
import { frameTickets, type FrameTicketStore } from '@/utils/background/frame-tickets';
import { memoryIdentityStore } from '@/utils/background/identity';
import { referenceProfile } from '@/utils/providers/profile';
import { REQUESTS, type RequestName } from '@/utils/rpc/requests';
import { createRouter } from '@/utils/rpc/router';
import type { SenderLike } from '@/utils/rpc/sender';
import { RPC_TAG } from '@/utils/rpc/tag';

const RUNS = 1500;
const profile = referenceProfile(8787);
const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const WEBMAILS = profile.webmailOrigins;
const NAMES = Object.keys(REQUESTS) as RequestName[];

interface Call {
  operation: string;
  args: unknown[];
}
const calls: Call[] = [];
const recorder = <T extends object>(prefix: string, real?: T) =>
  new Proxy(real ?? {}, {
    get: (target, name: string) => {
      const own = (target as Record<string, unknown>)[name];
      return (...args: unknown[]) => {
        calls.push({ operation: `${prefix}${name}`, args });
        return typeof own === 'function' ? (own as (...a: unknown[]) => unknown).apply(target, args) : Promise.resolve({ called: name });
      };
    },
  }) as T;

const route = createRouter({
  service: recorder<ArchiveService>(''),
  identities: memoryIdentityStore(),
  profile,
  extensionId: EXT_ID,
  extensionOrigin: EXT_ORIGIN,
  startDownload: async (url) => void calls.push({ operation: 'startDownload', args: [url] }),
  frameTickets: recorder<FrameTicketStore>('tickets.', frameTickets()),
  injectPostmasterPage: async (tabId) => void calls.push({ operation: 'injectPostmasterPage', args: [tabId] }),
});

// Origins a hostile context might claim: ours, look-alikes, other schemes, other extensions.
const urlLike = fc.oneof(
  fc.constantFrom(
    ...WEBMAILS.map((origin) => `${origin}/#/posta`),
    `${EXT_ORIGIN}/archive.html`,
    `${EXT_ORIGIN}/popup.html`,
    `${EXT_ORIGIN}/postmaster.html`,
    'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html',
    'http://127.0.0.1:8787.evil.example/',
    'http://127.0.0.1:8788/',
    'https://127.0.0.1:8787/',
    'http://evil.example/?u=http://127.0.0.1:8787/',
    'http://user@127.0.0.1:8787@evil.example/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    'blob:http://127.0.0.1:8787/0d3f',
    'file:///etc/passwd',
    '',
  ),
  fc.webUrl(),
  fc.string(),
);
const randomSender: fc.Arbitrary<SenderLike> = fc.record(
  {
    id: fc.constantFrom(EXT_ID, EXT_ID.toUpperCase(), 'ponmlkjihgfedcbaponmlkjihgfedcba', ''),
    url: urlLike,
    origin: urlLike,
    tab: fc.record({ id: fc.integer({ min: -1, max: 50 }), url: urlLike }, { requiredKeys: [] }),
    frameId: fc.nat(10),
  },
  { requiredKeys: [] },
);
// Half the senders are well-formed contexts of ours, so every branch of the router is reached often.
const senderArb: fc.Arbitrary<SenderLike> = fc.oneof(
  randomSender,
  fc.record({
    id: fc.constant(EXT_ID),
    url: fc.constantFrom(`${EXT_ORIGIN}/archive.html`, `${EXT_ORIGIN}/popup.html`),
    tab: fc.option(fc.record({ id: fc.nat(50), url: urlLike }), { nil: undefined }),
  }),
  fc.constantFrom(...WEBMAILS).chain((origin) =>
    fc.record({
      id: fc.constant(EXT_ID),
      url: fc.constant(`${origin}/#/posta`),
      tab: fc.record({ id: fc.nat(50), url: fc.constantFrom(`${origin}/`, 'http://evil.example/') }),
    }),
  ),
);

/** The sender rules written out on their own, to check the router against: ours, on the tab it claims. */
function expectedSender(sender: SenderLike): 'extension' | 'content' | 'stranger' {
  if (sender.id !== EXT_ID) return 'stranger';
  const url = sender.url ?? '';
  if (url.startsWith(`${EXT_ORIGIN}/`)) return 'extension';
  const originOf = (value: string | undefined) => {
    try {
      return new URL(value ?? '').origin;
    } catch {
      return null;
    }
  };
  const origin = originOf(url);
  if (origin && WEBMAILS.includes(origin) && sender.tab?.id !== undefined && originOf(sender.tab.url) === origin) return 'content';
  return 'stranger';
}

// Values a payload field might hold: well-formed ones mixed with traversal, huge, typed wrong and prototype keys.
const hostileValue = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '..%2f..%2fconfig',
    'mario.rossi@example.it',
    'postmaster@example.it',
    'sent',
    'inbox',
    'inbox-2024-01',
    'a'.repeat(5000),
    '__proto__',
    'constructor',
    'https://evil.example',
    'http://localhost:8787',
    ...WEBMAILS,
    'javascript:alert(1)',
    '0123456789abcdef0123456789abcdef',
    null,
    -1,
    1e309,
    Number.NaN,
    true,
  ),
  fc.string(),
  fc.integer(),
  fc.anything({ maxDepth: 2 }),
);
const payloadArb = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'origin',
      'id',
      'folderId',
      'fromFolderId',
      'mailbox',
      'confirm',
      'patch',
      'query',
      'target',
      'frame',
      'ticket',
      '__proto__',
      'constructor',
    ),
    hostileValue,
  ),
  fc.record({
    origin: fc.constantFrom(...WEBMAILS, 'https://evil.example', 'http://127.0.0.1:8787.evil.example', 'not a url'),
    id: hostileValue,
    folderId: hostileValue,
    mailbox: hostileValue,
    patch: fc.dictionary(fc.string(), hostileValue),
    frame: fc.record({ view: fc.constantFrom('disable', 'bulk', 'delete-all', 'settings'), mailboxes: fc.array(hostileValue), scheme: hostileValue }),
  }),
);
const envelopeArb = fc.record({
  tag: fc.constantFrom(RPC_TAG, 'archivio/close', 'archivio/postmaster', 'other'),
  name: fc.constantFrom(...NAMES),
  payload: payloadArb,
});

describe('router fuzz', () => {
  it(`answers nothing and runs nothing for messages that are not ours (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.record({ tag: fc.string(), name: fc.string(), payload: fc.anything() })),
        senderArb,
        async (message, sender) => {
          calls.length = 0;
          const ownEnvelope = typeof message === 'object' && message !== null && (message as { tag?: unknown }).tag === RPC_TAG;
          fc.pre(!ownEnvelope || !NAMES.includes((message as { name: RequestName }).name));
          expect(await route(message, sender)).toBeUndefined();
          expect(calls).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`runs a request only for an allowed sender with a valid payload, on a webmail origin of the profile (${RUNS} runs)`, async () => {
    const seen = { refused: 0, served: 0, forbidden: 0 };
    await fc.assert(
      fc.asyncProperty(envelopeArb, senderArb, async (message, sender) => {
        calls.length = 0;
        const reply = await route(message, sender);
        if (message.tag !== RPC_TAG) {
          expect(reply).toBeUndefined();
          expect(calls).toEqual([]);
          return;
        }
        const spec = REQUESTS[message.name];
        const who = expectedSender(sender);
        if (who === 'stranger' || (who === 'content' && spec.access === 'extension')) {
          seen.forbidden++;
          expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
          expect(calls).toEqual([]);
          return;
        }
        const parsed = v.safeParse(spec.payload, message.payload);
        const claimed = parsed.success ? (parsed.output as { origin?: string }).origin : undefined;
        const claimedOk = claimed === undefined || WEBMAILS.includes(new URL(claimed).origin);
        if (!parsed.success || (who === 'extension' && !claimedOk)) {
          seen.refused++;
          expect(reply).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
          expect(calls).toEqual([]);
          return;
        }
        seen.served++;
        expect(calls.length).toBeLessThanOrEqual(1);
        // Whatever origin the payload named, a call runs on a webmail of the profile; a content script's own one.
        for (const call of calls) {
          const origins = call.args.filter((arg): arg is string => typeof arg === 'string' && /^https?:\/\//.test(arg));
          for (const origin of origins.filter((o) => !o.includes('/api/'))) expect(WEBMAILS).toContain(origin);
          if (who === 'content' && call.operation !== 'tickets.redeem') expect(call.args).toContain(new URL(sender.url!).origin);
        }
      }),
      { numRuns: RUNS },
    );
    // The generators reach every branch, so the property is not vacuous.
    expect(seen.forbidden).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.served).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('id');
  });

  it(`refuses every privileged request from a webmail content script, whatever the payload (${RUNS} runs)`, async () => {
    const privileged = NAMES.filter((name) => REQUESTS[name].access === 'extension');
    expect(privileged).toEqual(expect.arrayContaining(['admin.disable', 'admin.updateSettings', 'message.delete', 'folder.empty', 'frame.redeem']));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...privileged),
        payloadArb,
        fc.constantFrom(...WEBMAILS),
        fc.nat(100),
        async (name, payload, origin, tabId) => {
          calls.length = 0;
          const sender = { id: EXT_ID, url: `${origin}/#/posta`, tab: { id: tabId, url: `${origin}/#/gestione` }, frameId: 0 };
          expect(await route({ tag: RPC_TAG, name, payload }, sender)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
          expect(calls).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
