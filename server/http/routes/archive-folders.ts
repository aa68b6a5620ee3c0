// Archive API v1 folders: list, paged listings, mbox export, empty, custom folders; deleting a folder is always refused.
import * as v from 'valibot';
import { createCustomFolder, removeFromArchive } from '../../services/archive-store';
import { folderList, foldersCovered } from '../../services/archive-view';
import { requireExportableArchive, requireReadableArchive, requireWritableArchive } from '../access';
import { readBody } from '../body';
import { sendJson, type Ctx } from '../context';
import { contentDisposition } from '../download';
import { ApiError, invalid, notFound } from '../errors';
import { streamMbox } from '../mbox';
import { sendSummaryPage } from '../summary-page';
import type { Route } from '../router';
import { API } from './archive-settings';

const ARCHIVE = `${API}/mailboxes/:address/archive`;

const NewFolder = v.strictObject({
  name: v.pipe(
    v.string(),
    v.transform((name) => name.trim()),
    v.minLength(1, 'name must not be empty'),
    v.maxLength(100, 'name is too long'),
    v.check((name) => !/[\u0000-\u001f\u007f/\\]/.test(name), 'name must not contain control characters or slashes'),
  ),
});

function covered(ctx: Ctx, address: string): string[] {
  const folderIds = foldersCovered(ctx.services, address, ctx.params.folderId as string);
  if (!folderIds) throw notFound('No such folder');
  return folderIds;
}

export const archiveFolderRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${ARCHIVE}/folders`,
    handler: (ctx) => {
      const address = ctx.params.address as string;
      const archive = requireReadableArchive(ctx, address);
      sendJson(ctx, 200, { version: archive.version, folders: folderList(ctx.services, address) });
    },
  },
  {
    method: 'GET',
    pattern: `${ARCHIVE}/folders/:folderId/messages`,
    handler: (ctx) => {
      const address = ctx.params.address as string;
      const archive = requireReadableArchive(ctx, address);
      sendSummaryPage(ctx, address, archive, { folderIds: covered(ctx, address) }, { seek: true });
    },
  },
  {
    method: 'GET',
    pattern: `${ARCHIVE}/folders/:folderId/export`,
    handler: async (ctx) => {
      const address = ctx.params.address as string;
      requireReadableArchive(ctx, address);
      const folderIds = covered(ctx, address);
      ctx.res.writeHead(200, {
        'Content-Type': 'application/mbox',
        'Content-Disposition': contentDisposition(`${address}-${ctx.params.folderId}.mbox`),
        'Content-Security-Policy': "sandbox; default-src 'none'",
      });
      await streamMbox(ctx.services, ctx.res, ctx.services.messages.iterateOldestFirst('archive', address, { folderIds }));
    },
  },
  {
    method: 'GET',
    pattern: `${ARCHIVE}/export`,
    handler: async (ctx) => {
      const address = ctx.params.address as string;
      requireExportableArchive(ctx, address);
      ctx.res.writeHead(200, {
        'Content-Type': 'application/mbox',
        'Content-Disposition': contentDisposition(`${address}-archivio.mbox`),
        'Content-Security-Policy': "sandbox; default-src 'none'",
      });
      await streamMbox(ctx.services, ctx.res, ctx.services.messages.iterateOldestFirst('archive', address, {}));
    },
  },
  {
    method: 'POST',
    pattern: `${ARCHIVE}/folders/:folderId/empty`,
    handler: async (ctx) => {
      const address = ctx.params.address as string;
      requireWritableArchive(ctx, address);
      readBody(ctx, v.strictObject({}));
      const removed = await ctx.services.lock.run(async () => {
        requireWritableArchive(ctx, address);
        const rows = ctx.services.messages.oldestFirst('archive', address, { folderIds: covered(ctx, address) });
        return removeFromArchive(ctx.services, address, rows);
      });
      sendJson(ctx, 200, { removed, version: ctx.services.archives.get(address)?.version ?? 0 });
    },
  },
  {
    method: 'POST',
    pattern: `${ARCHIVE}/folders`,
    handler: async (ctx) => {
      const address = ctx.params.address as string;
      requireWritableArchive(ctx, address);
      const { name } = readBody(ctx, NewFolder);
      const folder = await ctx.services.lock.run(() => {
        requireWritableArchive(ctx, address);
        const taken = ctx.services.archives.folders(address).some((f) => f.kind === 'custom' && f.name.toLowerCase() === name.toLowerCase());
        if (taken) throw invalid('A folder with this name already exists');
        return createCustomFolder(ctx.services, address, name);
      });
      sendJson(ctx, 201, {
        folder: { id: folder.id, parentId: null, name: folder.name, kind: folder.kind, messageCount: 0, bytes: 0 },
        version: ctx.services.archives.get(address)?.version ?? 0,
      });
    },
  },
  {
    method: 'DELETE',
    pattern: `${ARCHIVE}/folders/:folderId`,
    handler: (ctx) => {
      requireReadableArchive(ctx, ctx.params.address as string);
      throw new ApiError('folder_not_deletable', 'Archive folders cannot be deleted, only emptied');
    },
  },
];
