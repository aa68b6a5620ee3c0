// Test-mode endpoints (registered only with --test-mode): faults, simulated clock, purge now, quota override, bulk insert,
// extra mailboxes, reset.
import * as v from 'valibot';
import { archiveStatus } from '../../services/archive-view';
import { normalizeAddress } from '../../rules/delivery';
import { enableArchive } from '../../services/archive-store';
import { BULK_MAX, bulkArchive } from '../../services/bulk-archive';
import { hashPassword } from '../../services/passwords';
import { PRODUCT } from '../../config';
import { readBody } from '../body';
import { sendJson, sendNoContent } from '../context';
import { FaultSpec } from '../faults';
import { ApiError, invalid, notFound } from '../errors';
import { isApiAddress, type Route } from '../router';

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

const AccountSpec = v.strictObject({
  address: v.pipe(v.string(), v.maxLength(254), v.regex(/^[^@]{1,64}@[a-z0-9.-]+$/)),
  displayName: v.pipe(v.string(), v.maxLength(500)),
  archive: v.optional(v.boolean()),
});

export const testModeRoutes: Route[] = [
  {
    // Mailboxes with names a test chooses (hostile ones included), password as the demo's.
    method: 'POST',
    pattern: '/api/test/accounts',
    handler: async (ctx) => {
      const spec = readBody(ctx, AccountSpec);
      // Addresses are kept lower-case, as sign-in and delivery look them up.
      const address = normalizeAddress(spec.address);
      const at = address.lastIndexOf('@');
      const domain = address.slice(at + 1);
      // No other name could be reached through the API's paths.
      if (!isApiAddress(address)) throw invalid('address: letters, digits and . _ % + - before the @');
      if (ctx.services.accounts.listByDomain(domain).length === 0) throw invalid('address: not a domain of this provider');
      const passwordHash = await hashPassword('archivio-demo');
      const created = await ctx.services.lock.run(() => {
        const inserted = ctx.services.accounts.insertIfMissing({
          address,
          domain,
          displayName: spec.displayName,
          role: 'user',
          passwordHash,
          mailboxQuotaBytes: PRODUCT.mailboxQuotaBytes,
        });
        if (inserted && spec.archive) enableArchive(ctx.services, address);
        return inserted;
      });
      if (!created) throw new ApiError('invalid_request', 'The mailbox exists already');
      sendJson(ctx, 200, archiveStatus(ctx.services, address));
    },
  },
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
