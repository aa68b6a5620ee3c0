// Payload shapes of the background's own requests (not the provider's): the schemas, and the types inferred from them.
import * as v from 'valibot';
import { FolderIdSchema } from '@/utils/api/schemas';
import { MAX_BULK, POSTMASTER_VIEWS } from '@/utils/frames/postmaster-url';
import { isMailboxAddress } from '@/utils/rules/address';

/** A message id as the provider writes them (opaque, URL-safe). */
export const MessageIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
export const MailboxAddressSchema = v.pipe(v.string(), v.check(isMailboxAddress, 'not a mailbox address'));
const id = MessageIdSchema;
const isoDay = v.pipe(v.string(), v.isoDate());

/** The instant filter over cached summaries: words of `text` in subject, sender or recipients. */
export const LocalFilterSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(500)),
  folderId: v.optional(FolderIdSchema),
  /** ISO date (YYYY-MM-DD), inclusive. */
  after: v.optional(isoDay),
  /** ISO date (YYYY-MM-DD), exclusive, like the provider's `before`. */
  before: v.optional(isoDay),
  hasAttachment: v.optional(v.boolean()),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
});

/** What a download saves: one message's source, one attachment, a folder's .mbox, or a whole archive (postmaster). */
export const DownloadTargetSchema = v.variant('kind', [
  v.object({ kind: v.literal('raw'), id }),
  v.object({ kind: v.literal('attachment'), id, index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ kind: v.literal('export'), folderId: FolderIdSchema }),
  v.object({ kind: v.literal('archive-export'), mailbox: MailboxAddressSchema }),
]);

/** A postmaster frame the content script opens: its view, for which mailboxes, in which colour scheme. */
export const FrameRequestSchema = v.pipe(
  v.object({
    view: v.picklist(POSTMASTER_VIEWS),
    mailboxes: v.pipe(v.array(MailboxAddressSchema), v.minLength(1), v.maxLength(MAX_BULK)),
    scheme: v.nullable(v.picklist(['light', 'dark'])),
  }),
  v.check((frame) => frame.view === 'bulk' || frame.mailboxes.length === 1, 'one mailbox for this view'),
);
export const FrameTicketSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/));

export type LocalFilter = v.InferOutput<typeof LocalFilterSchema>;
export type DownloadTarget = v.InferOutput<typeof DownloadTargetSchema>;
