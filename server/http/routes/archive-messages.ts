// Archive API v1 messages: detail, raw .eml, attachments, restore (read-only too), move and delete (write mode only).
import * as v from 'valibot';
import { extractAttachment, type IndexFields } from '../../mail/parse';
import { moveInArchive, moveTarget, removeFromArchive } from '../../services/archive-store';
import { toDetail, toSummary } from '../../services/archive-view';
import { readMessageFile } from '../../services/message-file';
import { deliverToMailbox } from '../../services/mailbox';
import type { MessageRow } from '../../storage/messages';
import { archivedMessage, requireReadableArchive, requireWritableArchive } from '../access';
import { readBody } from '../body';
import { sendJson, sendNoContent, type Ctx } from '../context';
import { safeContentType, sendDownload } from '../download';
import { invalid, notFound } from '../errors';
import type { Route } from '../router';
import { API } from './archive-settings';

const MESSAGE = `${API}/mailboxes/:address/archive/messages/:id`;

const Move = v.strictObject({
  folderId: v.pipe(v.string(), v.regex(/^(inbox|sent|inbox-\d{4}-(0[1-9]|1[0-2])|custom-[1-9]\d{0,8})$/, 'unknown folder id')),
});

function target(ctx: Ctx): { address: string; id: string } {
  return { address: ctx.params.address as string, id: ctx.params.id as string };
}

function fieldsOf(row: MessageRow): IndexFields {
  return {
    messageId: row.messageId,
    from: { name: row.fromName, address: row.fromAddress },
    to: row.to,
    subject: row.subject,
    hasAttachments: row.hasAttachments,
    snippet: row.snippet,
    searchText: row.searchText,
    fromSearch: row.fromSearch,
    toSearch: row.toSearch,
  };
}

export const archiveMessageRoutes: Route[] = [
  {
    method: 'GET',
    pattern: MESSAGE,
    handler: async (ctx) => {
      const { address, id } = target(ctx);
      const archive = requireReadableArchive(ctx, address);
      const row = archivedMessage(ctx, address, id);
      sendJson(ctx, 200, await toDetail(await readMessageFile(ctx.services, row), toSummary(row, archive.retentionMonths)));
    },
  },
  {
    method: 'GET',
    pattern: `${MESSAGE}/raw`,
    handler: async (ctx) => {
      const { address, id } = target(ctx);
      requireReadableArchive(ctx, address);
      const row = archivedMessage(ctx, address, id);
      sendDownload(ctx.res, await readMessageFile(ctx.services, row), 'message/rfc822', `${row.id}.eml`);
    },
  },
  {
    method: 'GET',
    pattern: `${MESSAGE}/attachments/:index`,
    handler: async (ctx) => {
      const { address, id } = target(ctx);
      requireReadableArchive(ctx, address);
      const row = archivedMessage(ctx, address, id);
      const attachment = await extractAttachment(await readMessageFile(ctx.services, row), Number(ctx.params.index));
      if (!attachment) throw notFound('No such attachment');
      sendDownload(ctx.res, attachment.content, safeContentType(attachment.contentType), attachment.filename);
    },
  },
  {
    method: 'POST',
    pattern: `${MESSAGE}/restore`,
    handler: async (ctx) => {
      const { address, id } = target(ctx);
      requireReadableArchive(ctx, address);
      readBody(ctx, v.strictObject({}));
      const mailboxMessageId = await ctx.services.lock.run(async () => {
        requireReadableArchive(ctx, address);
        const row = archivedMessage(ctx, address, id);
        const raw = await readMessageFile(ctx.services, row);
        return deliverToMailbox(ctx.services, address, 'inbox', raw, fieldsOf(row), { dateMs: row.dateMs, via: 'restore', seen: false });
      });
      sendJson(ctx, 200, { restored: true, mailboxMessageId });
    },
  },
  {
    method: 'POST',
    pattern: `${MESSAGE}/move`,
    handler: async (ctx) => {
      const { address, id } = target(ctx);
      requireWritableArchive(ctx, address);
      archivedMessage(ctx, address, id);
      const { folderId } = readBody(ctx, Move);
      const moved = await ctx.services.lock.run(async () => {
        const archive = requireWritableArchive(ctx, address);
        const row = archivedMessage(ctx, address, id);
        const destination = moveTarget(ctx.services, address, row, folderId);
        if (destination === null) throw notFound('No such folder');
        if (destination === 'wrong-month') throw invalid('Received mail is grouped by month: move it to "inbox" instead');
        return toSummary(await moveInArchive(ctx.services, address, row, destination), archive.retentionMonths);
      });
      sendJson(ctx, 200, { message: moved, version: ctx.services.archives.get(address)?.version ?? 0 });
    },
  },
  {
    method: 'DELETE',
    pattern: MESSAGE,
    handler: async (ctx) => {
      const { address, id } = target(ctx);
      requireWritableArchive(ctx, address);
      await ctx.services.lock.run(async () => {
        requireWritableArchive(ctx, address);
        await removeFromArchive(ctx.services, address, [archivedMessage(ctx, address, id)]);
      });
      sendNoContent(ctx);
    },
  },
];
