// The webmail's Gestione → Caselle data: every mailbox of the postmaster's domain with storage, aliases and forwards.
import { sendJson } from '../context';
import { requirePostmaster } from '../access';
import type { Route } from '../router';

export const adminRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/admin/mailboxes',
    handler: (ctx) => {
      const postmaster = requirePostmaster(ctx);
      const mailboxes = ctx.services.accounts.listByDomain(postmaster.domain).map((account) => {
        const redirects = ctx.services.accounts.redirectsTo(account.address);
        return {
          address: account.address,
          displayName: account.displayName,
          role: account.role,
          usedBytes: ctx.services.messages.totals('mailbox', account.address).bytes,
          quotaBytes: account.mailboxQuotaBytes,
          aliases: redirects.filter((r) => r.kind === 'alias').map((r) => r.address),
          forwards: redirects.filter((r) => r.kind === 'forward').map((r) => r.address),
        };
      });
      sendJson(ctx, 200, { mailboxes });
    },
  },
];
