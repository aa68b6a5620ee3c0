// The postmaster's change for several mailboxes at once: archive on, deletion period or IMAP access, with results.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RetentionMonths } from '@/utils/rules/retention';
import { formatLocale, pluralKey } from '@/utils/format';
import { t } from '@/utils/i18n';
import { performBulkAction } from '@/entrypoints/postmaster/actions';
import { runBulk, showsApplied, type BulkAction, type BulkOutcome } from './bulk';
import { readBack } from '../unknown-outcome';
import { BulkResults } from './BulkResults';
import { Dialog } from '@/components/Dialog';
import { RetentionSelect, retentionLabel } from '../settings/RetentionSelect';
import { useBackground } from '@/components/background';

type Kind = BulkAction['kind'];

export interface BulkPanelProps {
  mailboxes: string[];
  onClose(changed: boolean): void;
  /** Injected in tests; the real one asks the background. */
  perform?: (action: BulkAction, mailbox: string) => Promise<unknown>;
}

export function describeAction(action: BulkAction): string {
  if (action.kind === 'enable') return t('postmaster_bulkDoEnable');
  if (action.kind === 'retention') return t('postmaster_bulkDoRetention', retentionLabel(action.months));
  return action.on ? t('postmaster_bulkDoImapOn') : t('postmaster_bulkDoImapOff');
}

export function BulkPanel({ mailboxes, onClose, perform }: BulkPanelProps) {
  const background = useBackground();
  const locale = formatLocale();
  const [kind, setKind] = useState<Kind>('enable');
  const [months, setMonths] = useState<RetentionMonths | null>(12);
  const [imapOn, setImapOn] = useState(true);
  const [outcomes, setOutcomes] = useState<BulkOutcome[]>(mailboxes.map((mailbox) => ({ mailbox, state: 'pending' })));
  const [applied, setApplied] = useState<BulkAction | null>(null);
  const [running, setRunning] = useState(false);
  /** A deletion period for many mailboxes may shorten some of them: that needs a second, explicit yes. */
  const [confirmingRetention, setConfirmingRetention] = useState(false);
  const changed = useRef(false);
  /** The read-backs of writes that got no verdict, by mailbox (stopped when the panel goes away). */
  const readBacks = useRef(new Map<string, () => void>());
  useEffect(() => () => readBacks.current.forEach((stop) => stop()), []);

  const action: BulkAction = kind === 'enable' ? { kind } : kind === 'retention' ? { kind, months } : { kind, on: imapOn };
  const call = perform ?? ((a: BulkAction, mailbox: string) => performBulkAction(background, a, mailbox));

  const run = async (what: BulkAction, targets: string[]) => {
    setRunning(true);
    setApplied(what);
    const report = (outcome: BulkOutcome) => {
      if (outcome.state === 'done' || outcome.state === 'checking') changed.current = true;
      setOutcomes((previous) => previous.map((item) => (item.mailbox === outcome.mailbox ? outcome : item)));
      if (outcome.state === 'checking') verify(what, outcome);
    };
    setOutcomes((previous) => previous.map((item) => (targets.includes(item.mailbox) ? { mailbox: item.mailbox, state: 'pending' } : item)));
    await runBulk(targets, (mailbox) => call(what, mailbox), report);
    setRunning(false);
  };

  /** No verdict came back: what the provider shows decides, and the write is not sent again on its own. */
  const verify = (what: BulkAction, outcome: BulkOutcome) => {
    const { mailbox, error } = outcome;
    readBacks.current.get(mailbox)?.();
    const stop = readBack(
      async () => (await background.call('status.get', { mailbox })).value,
      (status) => showsApplied(what, status),
      (landed) => {
        readBacks.current.delete(mailbox);
        const settled: BulkOutcome = landed
          ? { mailbox, state: 'done' }
          : { mailbox, state: 'failed', error: error && { ...error, messageKey: 'postmaster_bulkErrorNotLanded' } };
        setOutcomes((previous) => previous.map((item) => (item.mailbox === mailbox ? settled : item)));
      },
    );
    readBacks.current.set(mailbox, stop);
  };

  const failed = outcomes.filter((outcome) => outcome.state === 'failed');
  const done = outcomes.filter((outcome) => outcome.state === 'done');
  const checking = outcomes.some((outcome) => outcome.state === 'checking');
  const busy = running || checking;
  const finished = applied !== null && !busy;

  return (
    <Dialog
      title={t(pluralKey('postmaster_bulkTitle', mailboxes.length, locale), mailboxes.length)}
      busy={running}
      wide
      onClose={() => onClose(changed.current)}
    >
      {applied === null ? (
        <fieldset class="pm-fieldset">
          <legend>{t('postmaster_bulkChoose')}</legend>
          <label class="pm-choice">
            <input type="radio" name="pm-bulk-kind" value="enable" checked={kind === 'enable'} onChange={() => setKind('enable')} data-autofocus />
            <span>{t('postmaster_bulkEnable')}</span>
          </label>
          <label class="pm-choice">
            <input type="radio" name="pm-bulk-kind" value="retention" checked={kind === 'retention'} onChange={() => setKind('retention')} />
            <span>{t('postmaster_bulkRetention')}</span>
          </label>
          {kind === 'retention' ? (
            <div class="pm-choice-detail">
              <RetentionSelect value={months} onChange={setMonths} label={t('postmaster_bulkRetentionLabel')} />
              {months !== null ? (
                <p class="pm-note" role="note">
                  {t('postmaster_bulkRetentionWarning', months)}
                </p>
              ) : null}
            </div>
          ) : null}
          <label class="pm-choice">
            <input type="radio" name="pm-bulk-kind" value="imap" checked={kind === 'imap'} onChange={() => setKind('imap')} />
            <span>{t('postmaster_bulkImap')}</span>
          </label>
          {kind === 'imap' ? (
            <div class="pm-choice-detail" role="radiogroup" aria-label={t('postmaster_bulkImap')}>
              <label class="pm-choice">
                <input type="radio" name="pm-bulk-imap" checked={imapOn} onChange={() => setImapOn(true)} />
                <span>{t('postmaster_bulkImapOn')}</span>
              </label>
              <label class="pm-choice">
                <input type="radio" name="pm-bulk-imap" checked={!imapOn} onChange={() => setImapOn(false)} />
                <span>{t('postmaster_bulkImapOff')}</span>
              </label>
            </div>
          ) : null}
        </fieldset>
      ) : (
        <p class="pm-bulk-applied">{describeAction(applied)}</p>
      )}

      <h3 class="pm-card-title">{t('postmaster_bulkMailboxes')}</h3>
      <BulkResults outcomes={outcomes} idle={!busy} onRetry={(mailbox) => applied && void run(applied, [mailbox])} />

      <p class="pm-bulk-summary" role="status" aria-live="polite">
        {busy
          ? t('postmaster_bulkRunning', done.length + failed.length, outcomes.length)
          : finished
            ? failed.length === 0
              ? t('postmaster_bulkAllDone', done.length)
              : t('postmaster_bulkSomeFailed', done.length, failed.length)
            : ''}
      </p>

      <div class="pm-actions">
        {applied === null ? (
          <>
            <button type="button" class="pm-button" onClick={() => onClose(false)}>
              {t('postmaster_cancel')}
            </button>
            {confirmingRetention && action.kind === 'retention' && action.months !== null ? (
              <div class="pm-alert pm-confirm" role="alertdialog" aria-labelledby="pm-bulk-retention-confirm" data-confirm="bulk-retention">
                <p id="pm-bulk-retention-confirm">{t('postmaster_bulkRetentionConfirmText', action.months)}</p>
                <div class="pm-actions">
                  <button type="button" class="pm-button" data-autofocus onClick={() => setConfirmingRetention(false)}>
                    {t('postmaster_cancel')}
                  </button>
                  <button
                    type="button"
                    class="pm-button pm-button-danger"
                    onClick={() => {
                      setConfirmingRetention(false);
                      void run(action, mailboxes);
                    }}
                  >
                    {t(pluralKey('postmaster_bulkRetentionConfirm', mailboxes.length, locale), retentionLabel(action.months), mailboxes.length)}
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                class="pm-button pm-button-primary"
                onClick={() => (action.kind === 'retention' && action.months !== null ? setConfirmingRetention(true) : void run(action, mailboxes))}
              >
                {t(pluralKey('postmaster_bulkApply', mailboxes.length, locale), mailboxes.length)}
              </button>
            )}
          </>
        ) : (
          <>
            {failed.length > 0 && !busy ? (
              <button
                type="button"
                class="pm-button"
                onClick={() =>
                  void run(
                    applied,
                    failed.map((outcome) => outcome.mailbox),
                  )
                }
              >
                {t('postmaster_bulkRetryFailed', failed.length)}
              </button>
            ) : null}
            <button type="button" class="pm-button pm-button-primary" disabled={running} onClick={() => onClose(changed.current)}>
              {t('postmaster_close')}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
