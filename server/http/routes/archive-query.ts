// Archive API v1 queries: changes since a version, search with filters, messages expiring soon.
import { expiringWithin } from '../../purge/schedule';
import { foldersCovered, toSummary, type MessageSummary } from '../../services/archive-view';
import type { MessageFilter } from '../../storage/messages';
import { requireReadableArchive } from '../access';
import { sendJson } from '../context';
import { ApiError, invalid, notFound } from '../errors';
import { parseBoolean, parseDate, parseLimit, parseText } from '../paging';
import { sendSummaryPage } from '../summary-page';
import type { Route } from '../router';
import { API } from './archive-settings';

const ARCHIVE = `${API}/mailboxes/:address/archive`;
const FOLDER_ID = /^(inbox|sent|inbox-\d{4}-(0[1-9]|1[0-2])|custom-[1-9]\d{0,8})$/;

export const archiveQueryRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${ARCHIVE}/changes`,
    handler: (ctx) => {
      const address = ctx.params.address as string;
      const archive = requireReadableArchive(ctx, address);
      const raw = ctx.query.get('since');
      if (raw === null || !/^\d{1,15}$/.test(raw)) throw invalid('since must be a version number');
      const since = Number(raw);
      if (since < archive.changesFloor || since > archive.version) {
        throw new ApiError('version_expired', 'That version is no longer available: fetch the folders again');
      }
      // Net effect per folder: an id is "added" if it is in that folder now, "removed" if it left it since.
      const added = new Map<string, Set<string>>();
      const removed = new Map<string, Set<string>>();
      let foldersChanged = false;
      for (const change of ctx.services.archives.changesSince(address, since)) {
        if (change.kind === 'folder') foldersChanged = true;
        if (!change.messageId) continue;
        const bucket = change.kind === 'added' ? added : removed;
        if (!bucket.has(change.folderId)) bucket.set(change.folderId, new Set());
        bucket.get(change.folderId)?.add(change.messageId);
      }
      const folderIds = new Set([...added.keys(), ...removed.keys()]);
      const changes = [...folderIds].sort().map((folderId) => {
        const items: MessageSummary[] = [];
        const gone: string[] = [];
        for (const id of new Set([...(added.get(folderId) ?? []), ...(removed.get(folderId) ?? [])])) {
          const row = ctx.services.messages.get('archive', address, id);
          if (row && row.folderId === folderId) items.push(toSummary(row, archive.retentionMonths));
          else if (removed.get(folderId)?.has(id)) gone.push(id);
        }
        items.sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
        return { folderId, added: items, removed: gone };
      });
      sendJson(ctx, 200, { version: archive.version, changes, foldersChanged });
    },
  },
  {
    method: 'GET',
    pattern: `${ARCHIVE}/search`,
    handler: (ctx) => {
      const address = ctx.params.address as string;
      const archive = requireReadableArchive(ctx, address);
      const filter: MessageFilter = {
        text: parseText(ctx.query, 'q'),
        from: parseText(ctx.query, 'from'),
        to: parseText(ctx.query, 'to'),
        afterMs: parseDate(ctx.query, 'after'),
        beforeMs: parseDate(ctx.query, 'before'),
        hasAttachments: parseBoolean(ctx.query, 'hasAttachment'),
      };
      const folderId = parseText(ctx.query, 'folderId', 40);
      if (folderId !== undefined) {
        if (!FOLDER_ID.test(folderId)) throw invalid('Unknown folderId');
        const folderIds = foldersCovered(ctx.services, address, folderId);
        if (!folderIds) throw notFound('No such folder');
        filter.folderIds = folderIds;
      }
      sendSummaryPage(ctx, address, archive, filter);
    },
  },
  {
    method: 'GET',
    pattern: `${ARCHIVE}/expiring`,
    handler: (ctx) => {
      const address = ctx.params.address as string;
      const archive = requireReadableArchive(ctx, address);
      const rawDays = ctx.query.get('days') ?? '30';
      if (!/^\d{1,4}$/.test(rawDays) || Number(rawDays) < 1 || Number(rawDays) > 3650) {
        throw invalid('days must be an integer between 1 and 3650');
      }
      const limit = parseLimit(ctx.query, 200, 1000);
      if (archive.retentionMonths === null) return sendJson(ctx, 200, { items: [], total: 0 });
      const due = expiringWithin(ctx.services, address, archive.retentionMonths, ctx.services.clock.nowMs(), Number(rawDays));
      sendJson(ctx, 200, {
        items: due.slice(0, limit).map((item) => toSummary(item.row, archive.retentionMonths)),
        total: due.length,
      });
    },
  },
];
