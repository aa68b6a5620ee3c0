// Each selected mailbox's outcome of a bulk change: done, failed (with why, and a retry), or still to do.
import type { ArchiveErrorData } from '@/utils/api/errors';
import { t } from '@/utils/i18n';
import type { BulkOutcome } from './bulk';

export function bulkErrorText(error: ArchiveErrorData | undefined): string {
  if (!error) return t('error_server');
  if (error.kind === 'archive_disabled') return t('postmaster_bulkErrorDisabled');
  return t(error.messageKey);
}

const STATE_KEYS = {
  pending: 'postmaster_bulkStatePending',
  running: 'postmaster_bulkStateRunning',
  done: 'postmaster_bulkStateDone',
  failed: 'postmaster_bulkStateFailed',
  checking: 'postmaster_bulkStateChecking',
} as const;

export interface BulkResultsProps {
  outcomes: BulkOutcome[];
  onRetry(mailbox: string): void;
  /** Retries are offered only when nothing runs. */
  idle: boolean;
}

export function BulkResults({ outcomes, onRetry, idle }: BulkResultsProps) {
  return (
    <ul class="pm-results" aria-label={t('postmaster_bulkResultsLabel')}>
      {outcomes.map((outcome) => (
        <li key={outcome.mailbox} class={`pm-result pm-result-${outcome.state}`} data-mailbox={outcome.mailbox} data-state={outcome.state}>
          <span class="pm-result-icon" aria-hidden="true">
            {outcome.state === 'done'
              ? '✓'
              : outcome.state === 'failed'
                ? '✕'
                : outcome.state === 'running' || outcome.state === 'checking'
                  ? '…'
                  : '•'}
          </span>
          <span class="pm-result-mailbox">{outcome.mailbox}</span>
          <span class="pm-result-state">{t(STATE_KEYS[outcome.state])}</span>
          {outcome.state === 'failed' && idle ? (
            <button
              type="button"
              class="pm-button pm-button-small"
              aria-label={t('postmaster_bulkRetryOne', outcome.mailbox)}
              onClick={() => onRetry(outcome.mailbox)}
            >
              {t('postmaster_retry')}
            </button>
          ) : (
            <span />
          )}
          {outcome.state === 'failed' ? <span class="pm-result-error">{bulkErrorText(outcome.error)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
