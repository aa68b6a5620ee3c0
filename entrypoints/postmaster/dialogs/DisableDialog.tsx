// Turning an archive off: says what is lost, offers the export first, and needs the mailbox address typed exactly.
import { useId, useRef, useState } from 'preact/hooks';
import { ArchiveError, type ArchiveErrorData } from '@/utils/api/errors';
import { formatBytes, formatLocale, formatNumber, pluralKey } from '@/utils/format';
import { t } from '@/utils/i18n';
import { disableArchive } from '@/entrypoints/postmaster/actions';
import { isExactConfirmation } from './confirm';
import { Dialog } from '@/components/Dialog';
import { ExportFirst } from './ExportFirst';
import { useArchiveExport } from './use-archive-export';
import { useMailboxStatus } from '../settings/use-mailbox-status';
import { useBackground } from '@/components/background';
import { useTrulyVisible } from './use-truly-visible';

export interface DisableDialogProps {
  mailbox: string;
  onClose(changed: boolean): void;
}

export function DisableDialog({ mailbox, onClose }: DisableDialogProps) {
  const background = useBackground();
  const id = useId();
  const { status } = useMailboxStatus(mailbox);
  const exporter = useArchiveExport(mailbox);
  const [typed, setTyped] = useState('');
  const [phase, setPhase] = useState<'confirm' | 'running' | 'done'>('confirm');
  const [error, setError] = useState<ArchiveErrorData | null>(null);
  const locale = formatLocale();
  const matches = isExactConfirmation(typed, mailbox);
  // The row of buttons, not the button: a disabled button is drawn faded, which would itself count as not visible.
  const actions = useRef<HTMLDivElement>(null);
  const visible = useTrulyVisible(actions);

  const disable = async () => {
    if (!matches || !visible || phase !== 'confirm') return;
    setPhase('running');
    setError(null);
    try {
      await disableArchive(background, mailbox, typed);
      setPhase('done');
    } catch (failure) {
      setError(ArchiveError.from(failure).toData());
      setPhase('confirm');
    }
  };

  if (phase === 'done') {
    return (
      <Dialog title={t('postmaster_disableDoneTitle')} onClose={() => onClose(true)}>
        <p role="status">{t('postmaster_disableDone', mailbox)}</p>
        <div class="pm-actions">
          <button type="button" class="pm-button pm-button-primary" data-autofocus onClick={() => onClose(true)}>
            {t('postmaster_close')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('postmaster_disableTitle', mailbox)}
      role="alertdialog"
      tone="danger"
      busy={phase === 'running'}
      describedBy={`${id}-warning`}
      onClose={() => onClose(false)}
    >
      <div id={`${id}-warning`} class="pm-warning">
        <p>
          <strong>{t('postmaster_disableWarning')}</strong>
        </p>
        {status?.enabled ? (
          <p data-archive-size>
            {t(
              pluralKey('postmaster_disableContents', status.messageCount, locale),
              formatNumber(status.messageCount, locale),
              formatBytes(status.usedBytes, locale),
            )}
          </p>
        ) : null}
        <p>{t('postmaster_disableIrreversible')}</p>
      </div>
      <ExportFirst state={exporter.state} onStart={() => void exporter.start()} disabled={phase === 'running'} />
      <div class="pm-field">
        <label for={`${id}-confirm`}>
          {t('postmaster_disableTypeLabel')} <strong class="pm-code">{mailbox}</strong>
        </label>
        <input
          id={`${id}-confirm`}
          class="pm-input"
          type="text"
          value={typed}
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          aria-describedby={`${id}-match`}
          disabled={phase === 'running'}
          onInput={(event) => setTyped((event.currentTarget as HTMLInputElement).value)}
        />
        <p id={`${id}-match`} class="pm-muted" aria-live="polite">
          {typed.length === 0 ? '' : matches ? t('postmaster_disableTypeOk') : t('postmaster_disableTypeMismatch')}
        </p>
      </div>
      {exporter.running ? <p class="pm-note">{t('postmaster_disableWaitExport')}</p> : null}
      {matches && !visible ? (
        <p class="pm-alert" role="alert">
          {t('postmaster_disableHidden')}
        </p>
      ) : null}
      {error ? (
        <p class="pm-alert" role="alert">
          {t('postmaster_disableFailed')} {t(error.messageKey)}
        </p>
      ) : null}
      <div class="pm-actions" ref={actions}>
        {/* Focus starts on Cancel, and Enter in the address field submits nothing: only a deliberate click destroys. */}
        <button type="button" class="pm-button" data-autofocus onClick={() => onClose(false)} disabled={phase === 'running'}>
          {t('postmaster_cancel')}
        </button>
        <button
          type="button"
          class="pm-button pm-button-danger"
          disabled={!matches || !visible || phase === 'running' || exporter.running}
          aria-busy={phase === 'running'}
          onClick={() => void disable()}
        >
          {phase === 'running' ? t('postmaster_disableRunning') : t('postmaster_disableConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
