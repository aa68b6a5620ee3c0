// Runtime schemas of every provider reply (archive API v1); types are inferred from them.
import * as v from 'valibot';
import { isMailboxAddress } from '@/utils/rules/address';
import { RETENTION_MONTHS } from '@/utils/rules/retention';

const isoDate = v.pipe(v.string(), v.isoTimestamp());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const MeSchema = v.object({
  address: v.pipe(v.string(), v.check(isMailboxAddress, 'not a mailbox address')),
  domain: v.string(),
  role: v.picklist(['user', 'postmaster']),
  displayName: v.optional(v.string(), ''),
});

const ServerEndpointSchema = v.object({
  host: v.string(),
  port: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535)),
  security: v.picklist(['ssl', 'starttls']),
});

export const RetentionSchema = v.nullable(v.picklist(RETENTION_MONTHS));

export const ArchiveStatusSchema = v.object({
  address: v.string(),
  enabled: v.boolean(),
  writable: v.boolean(),
  imapAccess: v.boolean(),
  retentionMonths: RetentionSchema,
  plan: v.picklist(['base', 'gigamail', 'unlimited']),
  planName: v.optional(v.string(), ''),
  usedBytes: count,
  quotaBytes: v.nullable(count),
  messageCount: count,
  full: v.boolean(),
  archiveAddress: v.string(),
  imap: ServerEndpointSchema,
  smtp: ServerEndpointSchema,
  enabledAt: v.nullable(isoDate),
  nextPurge: v.nullable(v.object({ dueFrom: isoDate, dueTo: isoDate, count })),
  growth: v.optional(v.object({ windowDays: count, bytes: count }), { windowDays: 30, bytes: 0 }),
  upgradeUrl: v.optional(v.string()),
  version: v.optional(count),
});

export const MailboxListSchema = v.object({
  mailboxes: v.array(
    v.object({
      address: v.string(),
      displayName: v.optional(v.string(), ''),
      archive: v.object({
        enabled: v.boolean(),
        writable: v.boolean(),
        imapAccess: v.boolean(),
        retentionMonths: RetentionSchema,
        plan: v.picklist(['base', 'gigamail', 'unlimited']),
        usedBytes: count,
        quotaBytes: v.nullable(count),
        full: v.boolean(),
      }),
    }),
  ),
});

export const FolderSchema = v.object({
  id: v.string(),
  parentId: v.nullable(v.string()),
  name: v.string(),
  kind: v.picklist(['inbox', 'inbox-month', 'sent', 'custom']),
  month: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/))),
  messageCount: count,
  bytes: count,
});

export const FolderListSchema = v.object({ version: count, folders: v.array(FolderSchema) });

const AddressSchema = v.object({ name: v.optional(v.string(), ''), address: v.string() });

export const MessageSummarySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  folderId: v.string(),
  messageId: v.optional(v.string(), ''),
  date: isoDate,
  from: AddressSchema,
  to: v.array(AddressSchema),
  subject: v.optional(v.string(), ''),
  size: count,
  hasAttachments: v.boolean(),
  snippet: v.optional(v.string(), ''),
  deleteFrom: v.optional(isoDate),
  deleteTo: v.optional(isoDate),
});

export const MessagePageSchema = v.object({
  version: v.optional(count),
  items: v.array(MessageSummarySchema),
  nextCursor: v.nullable(v.string()),
});

export const ChangesSchema = v.object({
  version: count,
  foldersChanged: v.boolean(),
  changes: v.array(v.object({ folderId: v.string(), added: v.array(MessageSummarySchema), removed: v.array(v.string()) })),
});

export const MessageDetailSchema = v.object({
  ...MessageSummarySchema.entries,
  cc: v.optional(v.array(AddressSchema), []),
  replyTo: v.optional(v.array(AddressSchema), []),
  headers: v.array(v.object({ name: v.string(), value: v.string() })),
  text: v.nullable(v.string()),
  html: v.nullable(v.string()),
  attachments: v.array(
    v.object({
      index: count,
      filename: v.string(),
      contentType: v.string(),
      size: count,
      contentId: v.optional(v.nullable(v.string()), null),
    }),
  ),
});

export const RestoreResultSchema = v.object({ restored: v.literal(true), mailboxMessageId: v.optional(v.string()) });
export const EmptyResultSchema = v.object({ removed: count });
/** The most messages due for deletion one `expiring` request lists (the API allows 1..1000). */
export const EXPIRING_LIMIT = 1000;

/** `total` counts every message due, also those past `limit`; a provider that leaves it out lists them all. */
export const ExpiringSchema = v.object({
  items: v.array(MessageSummarySchema),
  total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
const FOLDER_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const FolderIdSchema = v.pipe(v.string(), v.regex(FOLDER_ID));
const isoDay = v.pipe(v.string(), v.isoDate());

/** What a postmaster may change of one mailbox's archive (PATCH …/settings). */
export const SettingsPatchSchema = v.object({
  writable: v.optional(v.boolean()),
  imapAccess: v.optional(v.boolean()),
  retentionMonths: v.optional(RetentionSchema),
});

/** The provider's search (GET …/search): every field optional, bounded as the contract says. */
export const SearchQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.maxLength(500))),
  from: v.optional(v.pipe(v.string(), v.maxLength(254))),
  to: v.optional(v.pipe(v.string(), v.maxLength(254))),
  after: v.optional(isoDay),
  before: v.optional(isoDay),
  hasAttachment: v.optional(v.boolean()),
  folderId: v.optional(FolderIdSchema),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(512))),
});

export const ErrorReplySchema = v.object({ error: v.object({ code: v.string(), message: v.optional(v.string()) }) });

export type Me = v.InferOutput<typeof MeSchema>;
export type ArchiveStatus = v.InferOutput<typeof ArchiveStatusSchema>;
export type MailboxList = v.InferOutput<typeof MailboxListSchema>;
export type Folder = v.InferOutput<typeof FolderSchema>;
export type FolderList = v.InferOutput<typeof FolderListSchema>;
export type MessageSummary = v.InferOutput<typeof MessageSummarySchema>;
export type MessagePage = v.InferOutput<typeof MessagePageSchema>;
export type Changes = v.InferOutput<typeof ChangesSchema>;
export type MessageDetail = v.InferOutput<typeof MessageDetailSchema>;
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;
export type SearchQuery = v.InferOutput<typeof SearchQuerySchema>;
