// Runs one archive change over many mailboxes with small concurrency, reporting each mailbox's outcome.
import type { ArchiveErrorData } from '@/utils/api/errors';
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveStatus } from '@/utils/api/schemas';
import type { RetentionMonths } from '@/utils/rules/retention';
import { outcomeUnknown } from '../unknown-outcome';

export type BulkAction = { kind: 'enable' } | { kind: 'retention'; months: RetentionMonths | null } | { kind: 'imap'; on: boolean };

/** `checking`: the write got no verdict (it may have landed); the mailbox's status is being read back. */
export type BulkState = 'pending' | 'running' | 'done' | 'failed' | 'checking';

export interface BulkOutcome {
  mailbox: string;
  state: BulkState;
  error?: ArchiveErrorData;
}

export const BULK_CONCURRENCY = 2;

/**
 * Calls `perform` for every mailbox, at most `concurrency` at a time, and reports each state change.
 * Every mailbox ends `done`, `failed` (the provider refused) or `checking` (no verdict: never sent again on its own,
 * its status must be read back): none is skipped, and one failure does not stop the others.
 */
export async function runBulk(
  mailboxes: readonly string[],
  perform: (mailbox: string) => Promise<unknown>,
  report: (outcome: BulkOutcome) => void,
  concurrency = BULK_CONCURRENCY,
): Promise<BulkOutcome[]> {
  const outcomes = new Map<string, BulkOutcome>();
  for (const mailbox of mailboxes) outcomes.set(mailbox, { mailbox, state: 'pending' });
  const queue = [...mailboxes];
  const worker = async () => {
    for (let mailbox = queue.shift(); mailbox !== undefined; mailbox = queue.shift()) {
      report({ mailbox, state: 'running' });
      let outcome: BulkOutcome;
      try {
        await perform(mailbox);
        outcome = { mailbox, state: 'done' };
      } catch (error) {
        const data = errorData(error);
        outcome = { mailbox, state: outcomeUnknown(data.kind) ? 'checking' : 'failed', error: data };
      }
      outcomes.set(mailbox, outcome);
      report(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  return mailboxes.map((mailbox) => outcomes.get(mailbox)!);
}

function errorData(error: unknown): ArchiveErrorData {
  if (error instanceof ArchiveError) return error.toData();
  return new ArchiveError('server', { detail: String(error) }).toData();
}

/** Whether a mailbox's status read back from the provider shows `action` applied. */
export function showsApplied(action: BulkAction, status: ArchiveStatus): boolean {
  switch (action.kind) {
    case 'enable':
      return status.enabled;
    case 'retention':
      return status.enabled && status.retentionMonths === action.months;
    case 'imap':
      return status.enabled && status.imapAccess === action.on;
  }
}
