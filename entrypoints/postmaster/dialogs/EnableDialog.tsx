// Confirmation before turning an archive on from the mailbox table ("Attiva l'archivio").
import { useEffect, useRef, useState } from 'preact/hooks';
import { ArchiveError, type ArchiveErrorData } from '@/utils/api/errors';
import { t } from '@/utils/i18n';
import { enableArchive } from '@/entrypoints/postmaster/actions';
import { outcomeUnknown, readBack } from '@/entrypoints/postmaster/unknown-outcome';
import { Dialog } from '@/components/Dialog';
import { useBackground } from '@/components/background';

/**
 * `refused`: the provider said no, nothing changed. `checking`: no verdict came back, the status is being read again
 * (the request is never sent a second time on its own). `landed` / `notLanded`: what that read-back found.
 */
type Outcome = { state: 'refused'; error: ArchiveErrorData } | { state: 'checking' | 'landed' | 'notLanded'; error: ArchiveErrorData };

export function EnableDialog({ mailbox, onClose }: { mailbox: string; onClose(changed: boolean): void }) {
  const background = useBackground();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const stopReadBack = useRef<(() => void) | null>(null);
  useEffect(() => () => stopReadBack.current?.(), []);

  const enable = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      await enableArchive(background, mailbox);
      onClose(true);
    } catch (failure) {
      const error = ArchiveError.from(failure).toData();
      setRunning(false);
      if (!outcomeUnknown(error.kind)) {
        setOutcome({ state: 'refused', error });
        return;
      }
      setOutcome({ state: 'checking', error });
      stopReadBack.current = readBack(
        async () => (await background.call('status.get', { mailbox })).value,
        (status) => status.enabled,
        (landed) => setOutcome({ state: landed ? 'landed' : 'notLanded', error }),
      );
    }
  };

  const checking = outcome?.state === 'checking';
  const landed = outcome?.state === 'landed';
  /** Once the write may have landed, closing says so: the table reads the mailbox again. */
  const cancel = () => onClose(outcome !== null && outcome.state !== 'refused' && outcome.state !== 'notLanded');

  return (
    <Dialog title={t('postmaster_enableTitle', mailbox)} busy={running} onClose={cancel}>
      <p>{t('postmaster_enableText')}</p>
      <p class="pm-muted">{t('postmaster_enableDefaults')}</p>
      {outcome ? (
        <p class={landed ? 'pm-note' : 'pm-alert'} role={checking ? 'status' : 'alert'} data-outcome={outcome.state}>
          {outcome.state === 'refused'
            ? `${t('postmaster_changeFailed')} ${t(outcome.error.messageKey)}`
            : outcome.state === 'checking'
              ? `${t('postmaster_enableUnknown')} ${t(outcome.error.messageKey)}`
              : t(landed ? 'postmaster_enableLanded' : 'postmaster_enableNotLanded')}
        </p>
      ) : null}
      <div class="pm-actions">
        {landed ? (
          <button type="button" class="pm-button pm-button-primary" data-autofocus onClick={() => onClose(true)}>
            {t('postmaster_close')}
          </button>
        ) : (
          <>
            <button type="button" class="pm-button" onClick={cancel} disabled={running}>
              {t('postmaster_cancel')}
            </button>
            <button
              type="button"
              class="pm-button pm-button-primary"
              data-autofocus
              aria-busy={running || checking}
              disabled={running || checking}
              onClick={() => void enable()}
            >
              {running ? t('postmaster_enableRunning') : t('postmaster_enableConfirm')}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
