// The demo webmail's own mailbox API (not the archive): folders, listings, reading, deleting, sending.
import MailComposer from 'nodemailer/lib/mail-composer';
import * as v from 'valibot';
import { submit } from '../../intake/deliver';
import { extractAttachment } from '../../mail/parse';
import { toDetail, toSummary } from '../../services/archive-view';
import { deleteFromMailbox, MAIL_FOLDERS } from '../../services/mailbox';
import { readMessageFile } from '../../services/message-file';
import type { MessageRow } from '../../storage/messages';
import { readBody } from '../body';
import { sendJson, sendNoContent, type Ctx } from '../context';
import { safeContentType, sendDownload } from '../download';
import { notFound } from '../errors';
import { page, parseCursor, parseLimit } from '../paging';
import type { Route } from '../router';
import { requireAccount } from '../session';

const EMAIL = /^[^\s@<>",;]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/i;

const Send = v.strictObject({
  to: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.regex(EMAIL, 'not an email address'))), v.minLength(1), v.maxLength(50)),
  subject: v.pipe(v.string(), v.maxLength(998)),
  text: v.pipe(v.string(), v.maxLength(512 * 1024)),
});

function ownMessage(ctx: Ctx): MessageRow {
  const account = requireAccount(ctx);
  const row = ctx.services.messages.get('mailbox', account.address, ctx.params.id as string);
  if (!row) throw notFound('No such message');
  return row;
}

function mailSummary(row: MessageRow) {
  return { ...toSummary(row, null), seen: row.seen };
}

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new Promise((resolve, reject) => new MailComposer(options).compile().build((error, message) => (error ? reject(error) : resolve(message))));
}

export const mailRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/mail/folders',
    handler: (ctx) => {
      const account = requireAccount(ctx);
      const totals = ctx.services.messages.totalsByFolder('mailbox', account.address);
      const folders = MAIL_FOLDERS.map((f) => ({
        id: f.id,
        name: f.name,
        count: totals.get(f.id)?.count ?? 0,
        unread: totals.get(f.id)?.unread ?? 0,
      }));
      sendJson(ctx, 200, { folders });
    },
  },
  {
    method: 'GET',
    pattern: '/api/mail/folders/:mailFolderId/messages',
    handler: (ctx) => {
      const account = requireAccount(ctx);
      const limit = parseLimit(ctx.query);
      const rows = ctx.services.messages.query(
        'mailbox',
        account.address,
        { folderIds: [ctx.params.mailFolderId as string] },
        limit + 1,
        parseCursor(ctx.query),
      );
      const result = page(rows, limit);
      sendJson(ctx, 200, { items: result.rows.map(mailSummary), nextCursor: result.nextCursor });
    },
  },
  {
    method: 'GET',
    pattern: '/api/mail/messages/:id',
    handler: async (ctx) => {
      const row = ownMessage(ctx);
      const detail = await toDetail(await readMessageFile(ctx.services, row), { ...mailSummary(row), seen: true });
      ctx.services.messages.markSeen(row.id);
      sendJson(ctx, 200, detail);
    },
  },
  {
    method: 'GET',
    pattern: '/api/mail/messages/:id/attachments/:index',
    handler: async (ctx) => {
      const row = ownMessage(ctx);
      const attachment = await extractAttachment(await readMessageFile(ctx.services, row), Number(ctx.params.index));
      if (!attachment) throw notFound('No such attachment');
      sendDownload(ctx.res, attachment.content, safeContentType(attachment.contentType), attachment.filename);
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/mail/messages/:id',
    handler: async (ctx) => {
      ownMessage(ctx);
      await ctx.services.lock.run(async () => {
        const row = ownMessage(ctx);
        await deleteFromMailbox(ctx.services, row);
      });
      sendNoContent(ctx);
    },
  },
  {
    method: 'POST',
    pattern: '/api/mail/send',
    handler: async (ctx) => {
      const account = requireAccount(ctx);
      const body = readBody(ctx, Send);
      const raw = await compose({
        from: { name: account.displayName, address: account.address },
        to: body.to,
        subject: body.subject,
        text: body.text,
        date: ctx.services.clock.now(),
      });
      const reports = await submit(
        ctx.services,
        account.address,
        raw,
        body.to.map((a) => a.toLowerCase()),
      );
      sendJson(ctx, 200, { id: reports[0]?.mailboxMessageId });
    },
  },
];
