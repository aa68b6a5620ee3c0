// Test-mode endpoints (registered only with --test-mode): faults, simulated clock, purge now, quota override, bulk insert, reset.
import * as v from 'valibot';
import { archiveStatus } from '../../services/archive-view';
import { BULK_MAX, bulkArchive } from '../../services/bulk-archive';
import { readBody } from '../body';
import { sendJson, sendNoContent } from '../context';
import { FaultSpec } from '../faults';
import { ApiError, invalid, notFound } from '../errors';
import type { Route } from '../router';

const IsoDate = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'not an ISO date'),
);

const BulkSpec = v.strictObject({
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(BULK_MAX)),
  month: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM'))),
  folder: v.optional(v.picklist(['inbox', 'sent'])),
});

export const testModeRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/test/faults',
    handler: async (ctx) => {
      const spec = readBody(ctx, FaultSpec);
      try {
        sendJson(ctx, 200, { id: ctx.runtime.faults.add(spec) });
      } catch {
        throw invalid('path is not a valid regular expression');
      }
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/test/faults',
    handler: (ctx) => {
      ctx.runtime.faults.clear();
      sendNoContent(ctx);
    },
  },
  {
    method: 'POST',
    pattern: '/api/test/clock',
    handler: async (ctx) => {
      const { now } = readBody(ctx, v.strictObject({ now: v.nullable(IsoDate) }));
      ctx.services.clock.set(now === null ? null : new Date(now));
      sendJson(ctx, 200, { now: ctx.services.clock.now().toISOString(), simulated: now !== null });
    },
  },
  {
    method: 'POST',
    pattern: '/api/test/purge',
    handler: async (ctx) => {
      const { now } = readBody(ctx, v.strictObject({ now: v.optional(IsoDate) }));
      const purged = await ctx.runtime.purgeNow(now === undefined ? ctx.services.clock.nowMs() : Date.parse(now));
      sendJson(ctx, 200, { purged });
    },
  },
  {
    method: 'POST',
    pattern: '/api/test/mailboxes/:address/quota',
    handler: async (ctx) => {
      const address = ctx.params.address as string;
      const { quotaBytes } = readBody(ctx, v.strictObject({ quotaBytes: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))) }));
      if (!ctx.services.accounts.get(address)) throw notFound('No such mailbox');
      await ctx.services.lock.run(() =>
        ctx.services.archives.update(address, {
          quotaOverrideSet: quotaBytes !== null,
          quotaOverride: quotaBytes,
          fullFlag: false,
        }),
      );
      sendJson(ctx, 200, archiveStatus(ctx.services, address));
    },
  },
  {
    // Load tests: `count` small synthetic messages archived at once (see services/bulk-archive for the shortcuts).
    method: 'POST',
    pattern: '/api/test/mailboxes/:address/bulk',
    handler: async (ctx) => {
      const address = ctx.params.address as string;
      const spec = readBody(ctx, BulkSpec);
      if (!ctx.services.accounts.get(address)) throw notFound('No such mailbox');
      const result = await ctx.services.lock.run(() => bulkArchive(ctx.services, address, spec));
      if (result.outcome === 'disabled') throw new ApiError('archive_disabled', 'The archive of this mailbox is not active');
      sendJson(ctx, 200, { inserted: result.inserted, folderId: result.folderId, version: result.version });
    },
  },
  {
    method: 'POST',
    pattern: '/api/test/reset',
    handler: async (ctx) => {
      readBody(ctx, v.strictObject({}));
      await ctx.runtime.reset();
      sendJson(ctx, 200, { reset: true });
    },
  },
];
