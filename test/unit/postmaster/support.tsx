// Postmaster test helpers: the Italian dictionary and a stand-in background that keeps each mailbox's archive state.
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { useDictionary } from '@/utils/i18n';
import { italian, marioStatus } from '../client-profiles/fixtures';
import { answerRpc, type RpcCall } from '../rpc-stand-in';
export { renderForOrigin } from '../rpc-stand-in';

export { marioStatus };

export function useItalian() {
  useDictionary('it', italian());
}

export type { RpcCall };

export interface StandIn {
  calls: RpcCall[];
  statuses: Map<string, ArchiveStatus>;
  /** Makes the next calls of `name` for `mailbox` fail with `kind` (once each). */
  failNext(name: string, mailbox: string, kind: ArchiveError['kind'], times?: number): void;
  /** The next call of `name` for `mailbox` is applied, and then its reply is lost as `kind` (a network failure…). */
  loseReplyNext(name: string, mailbox: string, kind: ArchiveError['kind']): void;
}

const off = (status: ArchiveStatus): ArchiveStatus => ({
  ...status,
  enabled: false,
  writable: false,
  imapAccess: false,
  retentionMonths: null,
  usedBytes: 0,
  messageCount: 0,
  nextPurge: null,
});

/**
 * Answers runtime messages as the background's router does (`{ok, value}` / `{ok:false, error}`), applying the
 * postmaster's operations to an in-memory archive per mailbox with the provider's rules (settings need the
 * archive on; disable needs the exact address). Calls are recorded in order.
 */
export function standInBackground(initial: ArchiveStatus[], role: 'postmaster' | 'user' = 'postmaster'): StandIn {
  const statuses = new Map(initial.map((status) => [status.address, status]));
  const failures: { name: string; mailbox: string; kind: ArchiveError['kind']; applied?: boolean }[] = [];
  const answer = (call: RpcCall): unknown => {
    const mailbox = call.payload.mailbox as string;
    const planned = failures.findIndex((failure) => failure.name === call.name && failure.mailbox === mailbox);
    if (planned >= 0) {
      const [failure] = failures.splice(planned, 1);
      if (failure!.applied) apply(call);
      throw new ArchiveError(failure!.kind);
    }
    return apply(call);
  };
  const apply = (call: RpcCall): unknown => {
    const mailbox = call.payload.mailbox as string;
    const status = statuses.get(mailbox);
    switch (call.name) {
      case 'session.get':
        return {
          origin: 'http://127.0.0.1:8787',
          me: { address: 'postmaster@example.it', domain: 'example.it', role, displayName: '' },
          offline: false,
        };
      case 'status.get':
        if (!status) throw new ArchiveError('not_found');
        return { value: status, freshness: { source: 'network', fetchedAt: 0, offline: false, stale: false } };
      case 'admin.enable': {
        if (!status) throw new ArchiveError('not_found');
        const next = status.enabled ? status : { ...status, enabled: true };
        statuses.set(mailbox, next);
        return next;
      }
      case 'admin.updateSettings': {
        if (!status) throw new ArchiveError('not_found');
        if (!status.enabled) throw new ArchiveError('archive_disabled');
        const next = { ...status, ...(call.payload.patch as Partial<ArchiveStatus>) };
        statuses.set(mailbox, next);
        return next;
      }
      case 'admin.disable': {
        if (!status) throw new ArchiveError('not_found');
        if (call.payload.confirm !== mailbox) throw new ArchiveError('confirmation_required');
        const next = off(status);
        statuses.set(mailbox, next);
        return next;
      }
      default:
        throw new ArchiveError('bad_message');
    }
  };
  const calls = answerRpc(answer);
  return {
    calls,
    statuses,
    failNext(name, mailbox, kind, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ name, mailbox, kind });
    },
    loseReplyNext(name, mailbox, kind) {
      failures.push({ name, mailbox, kind, applied: true });
    },
  };
}

export const plain = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
