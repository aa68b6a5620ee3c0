// Confirmation before turning an archive on from the mailbox table ("Attiva l'archivio").
import { useState } from 'preact/hooks';
import { ArchiveError, type ArchiveErrorData } from '@/utils/api/errors';
import { t } from '@/utils/i18n';
import { enableArchive } from '@/entrypoints/postmaster/actions';
import { Dialog } from '@/components/Dialog';
import { useBackground } from '@/components/background';

export function EnableDialog({ mailbox, onClose }: { mailbox: string; onClose(changed: boolean): void }) {
  const background = useBackground();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ArchiveErrorData | null>(null);

  const enable = async () => {
    setRunning(true);
    setError(null);
    try {
      await enableArchive(background, mailbox);
      onClose(true);
    } catch (failure) {
      setError(ArchiveError.from(failure).toData());
      setRunning(false);
    }
  };

  return (
    <Dialog title={t('postmaster_enableTitle', mailbox)} busy={running} onClose={() => onClose(false)}>
      <p>{t('postmaster_enableText')}</p>
      <p class="pm-muted">{t('postmaster_enableDefaults')}</p>
      {error ? (
        <p class="pm-alert" role="alert">
          {t('postmaster_changeFailed')} {t(error.messageKey)}
        </p>
      ) : null}
      <div class="pm-actions">
        <button type="button" class="pm-button" onClick={() => onClose(false)} disabled={running}>
          {t('postmaster_cancel')}
        </button>
        <button type="button" class="pm-button pm-button-primary" data-autofocus aria-busy={running} disabled={running} onClick={() => void enable()}>
          {running ? t('postmaster_enableRunning') : t('postmaster_enableConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
