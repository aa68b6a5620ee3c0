// Every request a view or content script may send to the background, defined once: its name, who may send it,
// its payload schema and the service call that answers it. Reply types, the views' client and test doubles all
// derive from this table.
import * as v from 'valibot';
import { ArchiveError } from '@/utils/api/errors';
import { EXPIRING_LIMIT, FolderIdSchema, SearchQuerySchema, SettingsPatchSchema } from '@/utils/api/schemas';
import type { ArchiveService } from '@/utils/background/archive-service';
import type { FrameTicketStore } from '@/utils/background/frame-tickets';
import type { SenderContext } from './sender';
import { DownloadTargetSchema, FrameRequestSchema, FrameTicketSchema, LocalFilterSchema, MailboxAddressSchema, MessageIdSchema } from './payloads';

/** `content`: content scripts on a webmail tab and extension pages; `extension`: extension pages and frames only. */
export type Access = 'content' | 'extension';

/** What an answer may use in the background. */
export interface Background {
  service: ArchiveService;
  /** Starts a browser download; resolves to its id when the browser gives one (views follow its progress). */
  startDownload(url: string): Promise<number | void>;
  frameTickets: FrameTicketStore;
  /** Adds the postmaster's script to a webmail tab (it is not part of the script every webmail page carries). */
  injectPostmasterPage(tabId: number): Promise<void>;
}

const id = MessageIdSchema;
const folderId = FolderIdSchema;
const mailbox = MailboxAddressSchema;
/** Extension pages outside the webmail name the webmail origin they serve; content scripts never need to. */
const origin = v.optional(v.pipe(v.string(), v.url()));

function request<S extends v.ObjectSchema<v.ObjectEntries, undefined>, R>(
  access: Access,
  payload: S,
  answer: (background: Background, payload: v.InferOutput<S>, origin: string, sender: SenderContext) => Promise<R>,
) {
  return { access, payload, answer };
}

export const REQUESTS = {
  // A content script passes the address its page shows: only a hint, to prefill the archive's own sign-in. The
  // webmail page's own question is always checked with the provider (a sign-in as someone else happens there).
  'session.get': request('content', v.object({ origin, accountHint: v.optional(mailbox) }), ({ service }, p, origin, sender) =>
    service.session(origin, p.accountHint, { fromWebmailPage: sender.kind === 'content' }),
  ),
  // The webmail page shows its sign-in: the archive's session ends with the webmail's. Its only effect is a sign-out
  // of the sender's own webmail origin (a page that fakes its sign-in screen can at most sign its user out).
  'session.signedOut': request('content', v.object({ origin }), async ({ service }, _p, origin): Promise<void> => {
    await service.hostSignedOut(origin);
  }),
  // The archive's own sign-in (API apart from the webmail), from our frame or popup only: never from a content script,
  // so no password ever passes through the webmail page.
  'session.signIn': request(
    'extension',
    v.object({ origin, address: mailbox, password: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)) }),
    ({ service }, p, origin) => service.signIn(origin, p.address, p.password),
  ),
  // `settingsMaxAgeMs`: a view that asks again on its own that often accepts settings that old (content is vouched for
  // by the archive's version); without it the provider is asked (conditionally) past the 5 s freshness.
  'status.get': request(
    'content',
    v.object({
      origin,
      mailbox: v.optional(mailbox),
      settingsMaxAgeMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(300_000))),
    }),
    ({ service }, p, origin) => service.status(origin, p.mailbox, p.settingsMaxAgeMs),
  ),
  'folders.list': request('extension', v.object({ origin }), ({ service }, _p, origin) => service.folders(origin)),
  'messages.list': request(
    'extension',
    v.object({
      origin,
      folderId,
      offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    }),
    ({ service }, p, origin) => service.messages(origin, p.folderId, p.offset, p.limit),
  ),
  // Instant filter over the summaries cached in this browser (subject, sender, recipients); no provider call.
  'messages.filter': request('extension', v.object({ origin, query: LocalFilterSchema }), ({ service }, p, origin) =>
    service.filter(origin, p.query),
  ),
  'message.get': request('extension', v.object({ origin, id }), ({ service }, p, origin) => service.message(origin, p.id)),
  'message.restore': request('extension', v.object({ origin, id }), ({ service }, p, origin) => service.restore(origin, p.id)),
  'message.move': request('extension', v.object({ origin, id, folderId, fromFolderId: folderId }), ({ service }, p, origin) =>
    service.move(origin, p.id, p.folderId, p.fromFolderId),
  ),
  'message.delete': request('extension', v.object({ origin, id, folderId }), ({ service }, p, origin) => service.remove(origin, p.id, p.folderId)),
  'folder.empty': request('extension', v.object({ origin, folderId }), ({ service }, p, origin) => service.emptyFolder(origin, p.folderId)),
  search: request('extension', v.object({ origin, query: SearchQuerySchema }), ({ service }, p, origin) => service.search(origin, p.query)),
  'expiring.list': request(
    'extension',
    v.object({
      origin,
      days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366)),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(EXPIRING_LIMIT))),
    }),
    ({ service }, p, origin) => service.expiring(origin, p.days, p.limit),
  ),
  download: request('extension', v.object({ origin, target: DownloadTargetSchema }), async ({ service, startDownload }, p, origin) => ({
    downloadId: (await startDownload(await service.downloadUrl(origin, p.target))) ?? null,
  })),
  'admin.mailboxes': request('content', v.object({ origin }), ({ service }, _p, origin) => service.mailboxes(origin)),
  'admin.updateSettings': request('extension', v.object({ origin, mailbox, patch: SettingsPatchSchema }), ({ service }, p, origin) =>
    service.updateSettings(origin, p.mailbox, p.patch),
  ),
  'admin.enable': request('extension', v.object({ origin, mailbox }), ({ service }, p, origin) => service.enable(origin, p.mailbox)),
  'admin.disable': request('extension', v.object({ origin, mailbox, confirm: v.pipe(v.string(), v.maxLength(254)) }), ({ service }, p, origin) =>
    service.disable(origin, p.mailbox, p.confirm),
  ),
  'cache.clear': request('extension', v.object({}), ({ service }) => service.clearCache()),
  // The webmail page of a postmaster asks for the postmaster's additions; only the provider's word on the role counts.
  'page.postmaster': request('content', v.object({ origin }), async ({ service, injectPostmasterPage }, _p, origin, sender): Promise<void> => {
    if (sender.kind !== 'content') throw new ArchiveError('bad_message', { detail: 'only a webmail page loads the postmaster additions' });
    const me = await service.account(origin);
    if (me.role !== 'postmaster') throw new ArchiveError('forbidden', { detail: 'the postmaster additions are for the postmaster' });
    await injectPostmasterPage(sender.tabId);
  }),
  // Our code opens a postmaster frame: the frame gets a one-time ticket, never its view and mailboxes in its URL.
  'frame.open': request('content', v.object({ origin, frame: FrameRequestSchema }), async ({ frameTickets }, p, origin) => ({
    ticket: frameTickets.issue({ ...p.frame, origin }, origin),
  })),
  'frame.redeem': request('extension', v.object({ origin, ticket: FrameTicketSchema }), async ({ frameTickets }, p, origin) =>
    frameTickets.redeem(p.ticket, origin),
  ),
};

export type Requests = typeof REQUESTS;
export type RequestName = keyof Requests;
export type RequestPayload<N extends RequestName> = v.InferInput<Requests[N]['payload']>;
export type Reply<N extends RequestName> = Awaited<ReturnType<Requests[N]['answer']>>;
