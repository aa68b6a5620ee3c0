// One page of archive summaries, newest first, as folder listings and search both answer it.
import { toSummary } from '../services/archive-view';
import type { MessageFilter } from '../storage/messages';
import type { requireReadableArchive } from './access';
import { sendJson, type Ctx } from './context';
import { page, parseCursor, parseLimit, parseOffset } from './paging';

export function sendSummaryPage(
  ctx: Ctx,
  address: string,
  archive: ReturnType<typeof requireReadableArchive>,
  filter: MessageFilter,
  options: { seek?: boolean } = {},
): void {
  const limit = parseLimit(ctx.query);
  const offset = options.seek ? parseOffset(ctx.query) : 0;
  const rows = ctx.services.messages.query('archive', address, filter, limit + 1, parseCursor(ctx.query), offset);
  const result = page(rows, limit);
  sendJson(ctx, 200, {
    version: archive.version,
    items: result.rows.map((row) => toSummary(row, archive.retentionMonths)),
    nextCursor: result.nextCursor,
  });
}
