// The one message map between views and the background: each request's payload schema and who may send it.
import * as v from 'valibot';
import type { ArchiveErrorData } from '@/utils/api/errors';
import { RetentionSchema } from '@/utils/api/schemas';

import { RPC_TAG } from './tag';
export { RPC_TAG };

/** `content`: content scripts on a webmail tab and extension pages; `extension`: extension pages and frames only. */
export type Access = 'content' | 'extension';

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const folderId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const mailbox = v.pipe(v.string(), v.maxLength(254), v.email());
const origin = v.optional(v.pipe(v.string(), v.url()));

export const REQUESTS = {
  'session.get': { access: 'content', payload: v.object({ origin }) },
  'session.signedOut': { access: 'content', payload: v.object({ origin }) },
  'status.get': { access: 'content', payload: v.object({ origin, mailbox: v.optional(mailbox) }) },
  'folders.list': { access: 'extension', payload: v.object({ origin }) },
  'messages.list': {
    access: 'extension',
    payload: v.object({
      origin,
      folderId,
      offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    }),
  },
  // Instant filter over the summaries cached in this browser (subject, sender, recipients); no provider call.
  'messages.filter': {
    access: 'extension',
    payload: v.object({
      origin,
      query: v.object({
        text: v.pipe(v.string(), v.maxLength(500)),
        folderId: v.optional(folderId),
        after: v.optional(v.pipe(v.string(), v.isoDate())),
        before: v.optional(v.pipe(v.string(), v.isoDate())),
        hasAttachment: v.optional(v.boolean()),
        limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
      }),
    }),
  },
  'message.get': { access: 'extension', payload: v.object({ origin, id }) },
  'message.restore': { access: 'extension', payload: v.object({ origin, id }) },
  'message.move': { access: 'extension', payload: v.object({ origin, id, folderId, fromFolderId: folderId }) },
  'message.delete': { access: 'extension', payload: v.object({ origin, id, folderId }) },
  'folder.empty': { access: 'extension', payload: v.object({ origin, folderId }) },
  search: {
    access: 'extension',
    payload: v.object({
      origin,
      query: v.object({
        q: v.optional(v.pipe(v.string(), v.maxLength(500))),
        from: v.optional(v.pipe(v.string(), v.maxLength(254))),
        to: v.optional(v.pipe(v.string(), v.maxLength(254))),
        after: v.optional(v.pipe(v.string(), v.isoDate())),
        before: v.optional(v.pipe(v.string(), v.isoDate())),
        hasAttachment: v.optional(v.boolean()),
        folderId: v.optional(folderId),
        limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
        cursor: v.optional(v.pipe(v.string(), v.maxLength(512))),
      }),
    }),
  },
  'expiring.list': { access: 'extension', payload: v.object({ origin, days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366)) }) },
  download: {
    access: 'extension',
    payload: v.object({
      origin,
      target: v.variant('kind', [
        v.object({ kind: v.literal('raw'), id }),
        v.object({ kind: v.literal('attachment'), id, index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
        v.object({ kind: v.literal('export'), folderId }),
        v.object({ kind: v.literal('archive-export'), mailbox }),
      ]),
    }),
  },
  'admin.mailboxes': { access: 'content', payload: v.object({ origin }) },
  'admin.updateSettings': {
    access: 'extension',
    payload: v.object({
      origin,
      mailbox,
      patch: v.object({ writable: v.optional(v.boolean()), imapAccess: v.optional(v.boolean()), retentionMonths: v.optional(RetentionSchema) }),
    }),
  },
  'admin.enable': { access: 'extension', payload: v.object({ origin, mailbox }) },
  'admin.disable': { access: 'extension', payload: v.object({ origin, mailbox, confirm: v.pipe(v.string(), v.maxLength(254)) }) },
  'cache.clear': { access: 'extension', payload: v.object({}) },
} as const satisfies Record<string, { access: Access; payload: v.GenericSchema }>;

export type RequestName = keyof typeof REQUESTS;
export type RequestPayload<N extends RequestName> = v.InferOutput<(typeof REQUESTS)[N]['payload']>;

export const EnvelopeSchema = v.object({
  tag: v.literal(RPC_TAG),
  name: v.picklist(Object.keys(REQUESTS) as [RequestName, ...RequestName[]]),
  payload: v.unknown(),
});

export type RpcReply<T> = { ok: true; value: T } | { ok: false; error: ArchiveErrorData };
