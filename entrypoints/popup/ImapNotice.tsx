// IMAP access is off: says the postmaster must turn it on; the postmaster, on their own mailbox, may do it here.
import { useState } from 'preact/hooks';
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { t } from '@/utils/i18n';
import { useBackground } from '@/components/background';

interface Props {
  status: ArchiveStatus;
  canEnable: boolean;
  onChanged(status: ArchiveStatus): void;
}

export function ImapNotice({ status, canEnable, onChanged }: Props) {
  const background = useBackground();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);

  const enable = async () => {
    setStep('busy');
    setError(null);
    try {
      onChanged(await background.call('admin.updateSettings', { mailbox: status.address, patch: { imapAccess: true } }));
    } catch (failure) {
      setError(t(ArchiveError.from(failure).messageKey));
      setStep('idle');
    }
  };

  return (
    <div class="pp-note pp-note--warning" data-imap-off>
      <p>{t(canEnable ? 'popup_imapOff_postmaster' : 'popup_imapOff')}</p>
      {canEnable && step === 'idle' ? (
        <button type="button" class="pp-button" onClick={() => setStep('confirm')}>
          {t('popup_imapOff_enable')}
        </button>
      ) : null}
      {canEnable && step !== 'idle' ? (
        <div class="pp-confirm" role="group" aria-labelledby="pp-imap-confirm">
          <p id="pp-imap-confirm">{t('popup_imapOff_confirm', status.address)}</p>
          <div class="pp-actions">
            <button type="button" class="pp-button pp-button--primary" disabled={step === 'busy'} onClick={enable}>
              {t('popup_imapOff_confirmYes')}
            </button>
            <button type="button" class="pp-button" disabled={step === 'busy'} onClick={() => setStep('idle')}>
              {t('popup_cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p class="pp-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
