// Archive API v1: identity, the postmaster's mailbox list, status, settings, enable and disable with typed confirmation.
import * as v from 'valibot';
import { RETENTION_MONTHS } from '../../rules/retention';
import { isFull } from '../../rules/quota';
import { disableArchive, enableArchive, quotaOf } from '../../services/archive-store';
import { archiveStatus } from '../../services/archive-view';
import { requireOwnerOrPostmaster, requirePostmaster, requirePostmasterOf } from '../access';
import { readBody, requestObject } from '../body';
import { sendJson, type Ctx } from '../context';
import { ApiError } from '../errors';
import type { Route } from '../router';
import { accountView, requireAccount } from '../session';

export const API = '/api/archive/v1';
const ARCHIVE = `${API}/mailboxes/:address/archive`;

const SettingsPatch = v.strictObject({
  writable: v.optional(v.boolean()),
  imapAccess: v.optional(v.boolean()),
  retentionMonths: v.optional(v.nullable(v.picklist(RETENTION_MONTHS))),
});

const Empty = v.strictObject({});

function address(ctx: Ctx): string {
  return ctx.params.address as string;
}

export const archiveSettingsRoutes: Route[] = [
  { method: 'GET', pattern: `${API}/me`, handler: (ctx) => sendJson(ctx, 200, accountView(requireAccount(ctx))) },
  {
    method: 'GET',
    pattern: `${API}/mailboxes`,
    handler: (ctx) => {
      const postmaster = requirePostmaster(ctx);
      const mailboxes = ctx.services.accounts.listByDomain(postmaster.domain).map((account) => {
        const archive = ctx.services.archives.get(account.address);
        const enabled = archive?.enabled ?? false;
        const totals = enabled ? ctx.services.messages.totals('archive', account.address) : { bytes: 0, count: 0 };
        const quotaBytes = quotaOf(ctx.services, account.address);
        return {
          address: account.address,
          displayName: account.displayName,
          archive: {
            enabled,
            writable: enabled && (archive?.writable ?? false),
            imapAccess: enabled && (archive?.imapAccess ?? false),
            retentionMonths: enabled ? (archive?.retentionMonths ?? null) : null,
            plan: archive?.plan ?? 'base',
            usedBytes: totals.bytes,
            quotaBytes,
            full: enabled && isFull(totals.bytes, quotaBytes, archive?.fullFlag ?? false),
          },
        };
      });
      sendJson(ctx, 200, { mailboxes });
    },
  },
  {
    method: 'GET',
    pattern: ARCHIVE,
    handler: (ctx) => {
      requireOwnerOrPostmaster(ctx, address(ctx));
      sendJson(ctx, 200, archiveStatus(ctx.services, address(ctx)));
    },
  },
  {
    method: 'PATCH',
    pattern: ARCHIVE,
    handler: async (ctx) => {
      requirePostmasterOf(ctx, address(ctx));
      const patch = readBody(ctx, SettingsPatch);
      await ctx.services.lock.run(() => {
        if (!ctx.services.archives.get(address(ctx))?.enabled) {
          throw new ApiError('archive_disabled', 'Enable the archive before changing its settings');
        }
        ctx.services.archives.update(address(ctx), patch);
      });
      sendJson(ctx, 200, archiveStatus(ctx.services, address(ctx)));
    },
  },
  {
    method: 'POST',
    pattern: `${ARCHIVE}/enable`,
    handler: async (ctx) => {
      requirePostmasterOf(ctx, address(ctx));
      readBody(ctx, Empty);
      await ctx.services.lock.run(() => enableArchive(ctx.services, address(ctx)));
      sendJson(ctx, 200, archiveStatus(ctx.services, address(ctx)));
    },
  },
  {
    method: 'POST',
    pattern: `${ARCHIVE}/disable`,
    handler: async (ctx) => {
      requirePostmasterOf(ctx, address(ctx));
      const confirm = requestObject(ctx).confirm;
      if (confirm !== address(ctx)) {
        throw new ApiError('confirmation_required', `Type the mailbox address (${address(ctx)}) in "confirm" to disable`);
      }
      await ctx.services.lock.run(() => disableArchive(ctx.services, address(ctx)));
      sendJson(ctx, 200, archiveStatus(ctx.services, address(ctx)));
    },
  },
];
