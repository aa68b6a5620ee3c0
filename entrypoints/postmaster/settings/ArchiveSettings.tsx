// The "Archivio" tab of a mailbox for the postmaster: on/off, write mode, IMAP, retention, space, client settings.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ArchiveError, type ArchiveErrorData } from '@/utils/api/errors';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { shortensRetention, type RetentionMonths } from '@/utils/rules/retention';
import { t } from '@/utils/i18n';
import { enableArchive, updateArchive } from '@/entrypoints/postmaster/actions';
import { ConnectionSettings } from './ConnectionSettings';
import { NextPurge } from './NextPurge';
import { QuotaSummary } from './QuotaSummary';
import { RetentionSelect, retentionLabel } from './RetentionSelect';
import { Switch } from './Switch';
import { useMailboxStatus } from './use-mailbox-status';
import { outcomeUnknown, REREAD_AFTER_MS } from '../unknown-outcome';
import { useBackground } from '@/components/background';

type Setting = 'enabled' | 'writable' | 'imapAccess' | 'retentionMonths';

export interface ArchiveSettingsProps {
  mailbox: string;
  /** Turning the archive off deletes everything: the caller shows the typed confirmation. */
  onRequestDisable(): void;
}

export function ArchiveSettings({ mailbox, onRequestDisable }: ArchiveSettingsProps) {
  const background = useBackground();
  const { status, error: loadError, loading, freshness, reload, apply } = useMailboxStatus(mailbox);
  const [busy, setBusy] = useState<Setting | null>(null);
  /** `unknown`: no verdict came back, so the change may have landed; `wanted` tells when the status shows it did. */
  const [failure, setFailure] = useState<{ setting: Setting; error: ArchiveErrorData; unknown: boolean; wanted: unknown } | null>(null);
  const rereads = useRef<ReturnType<typeof setTimeout>[]>([]);
  const stopRereads = () => {
    for (const timer of rereads.current) clearTimeout(timer);
    rereads.current = [];
  };
  useEffect(() => stopRereads, []);
  // A change with no verdict that the provider's status now shows was applied: it landed, once; nothing to report.
  useEffect(() => {
    if (failure?.unknown && status && status[failure.setting] === failure.wanted) {
      stopRereads();
      setFailure(null);
    }
  }, [status, failure]);
  /** A shorter deletion period waiting for the postmaster's confirmation: older mail goes at the next purge. */
  const [pendingRetention, setPendingRetention] = useState<RetentionMonths | null>(null);

  /** One change at a time, sent once; its reply (the new status) is shown at once. */
  const change = async (setting: Setting, wanted: unknown, call: () => Promise<ArchiveStatus>) => {
    setBusy(setting);
    setFailure(null);
    stopRereads();
    try {
      apply(await call());
    } catch (error) {
      const data = ArchiveError.from(error).toData();
      const unknown = outcomeUnknown(data.kind);
      setFailure({ setting, error: data, unknown, wanted });
      if (unknown) rereads.current = REREAD_AFTER_MS.map((delay) => setTimeout(() => void reload(), delay));
      else void reload();
    } finally {
      setBusy(null);
    }
  };

  if (!status) {
    return (
      <section class="pm-tab" aria-labelledby="pm-tab-title" aria-busy={loading}>
        <h2 id="pm-tab-title" class="pm-title">
          {t('postmaster_tabTitle')}
        </h2>
        {loadError ? (
          <div class="pm-alert" role="alert">
            <p>{t(loadError.messageKey)}</p>
            <button type="button" class="pm-button" onClick={() => void reload()}>
              {t('postmaster_retry')}
            </button>
          </div>
        ) : (
          <p class="pm-muted" role="status">
            {t('postmaster_loading')}
          </p>
        )}
      </section>
    );
  }

  const enabled = status.enabled;
  const patch = (setting: Exclude<Setting, 'enabled'>, value: boolean | RetentionMonths | null) =>
    change(setting, value, () => updateArchive(background, mailbox, { [setting]: value }));

  return (
    <section class="pm-tab" aria-labelledby="pm-tab-title" data-mailbox={mailbox} data-enabled={String(enabled)}>
      <header class="pm-tab-header">
        <h2 id="pm-tab-title" class="pm-title">
          {t('postmaster_tabTitle')}
        </h2>
        <p class="pm-muted">{t('postmaster_tabIntro', mailbox)}</p>
      </header>
      {failure ? (
        <div class="pm-alert" role="alert" data-failed-setting={failure.setting}>
          <p>
            {t(failure.unknown ? 'postmaster_changeUnknown' : 'postmaster_changeFailed')} {t(failure.error.messageKey)}
          </p>
        </div>
      ) : null}
      {freshness?.stale && freshness.offline ? (
        <p class="pm-note" role="status">
          {t('postmaster_offline')}
        </p>
      ) : null}

      <div class="pm-card pm-settings">
        <Switch
          label={t('postmaster_enabledLabel')}
          checked={enabled}
          busy={busy === 'enabled'}
          disabled={busy !== null}
          stateText={enabled ? t('postmaster_enabledOn') : t('postmaster_enabledOff')}
          description={enabled ? t('postmaster_enabledOnHint') : t('postmaster_enabledOffHint')}
          onChange={(next) => (next ? void change('enabled', true, () => enableArchive(background, mailbox)) : onRequestDisable())}
        />
        {enabled ? (
          <>
            <Switch
              label={t('postmaster_writableLabel')}
              checked={status.writable}
              busy={busy === 'writable'}
              disabled={busy !== null}
              stateText={status.writable ? t('postmaster_writableOn') : t('postmaster_writableOff')}
              description={status.writable ? t('postmaster_writableOnHint') : t('postmaster_writableOffHint')}
              onChange={(next) => void patch('writable', next)}
            />
            <Switch
              label={t('postmaster_imapLabel')}
              checked={status.imapAccess}
              busy={busy === 'imapAccess'}
              disabled={busy !== null}
              description={status.imapAccess ? t('postmaster_imapOnHint') : t('postmaster_imapOffHint')}
              onChange={(next) => void patch('imapAccess', next)}
            />
            <RetentionSelect
              value={status.retentionMonths}
              busy={busy === 'retentionMonths'}
              disabled={busy !== null || pendingRetention !== null}
              onChange={(months) => {
                if (shortensRetention(status.retentionMonths, months)) setPendingRetention(months);
                else void patch('retentionMonths', months);
              }}
            />
            {pendingRetention !== null ? (
              <div class="pm-alert pm-confirm" role="alertdialog" aria-labelledby="pm-retention-confirm" data-confirm="retention">
                <p id="pm-retention-confirm">{t('postmaster_retentionShorterWarning', pendingRetention)}</p>
                <div class="pm-actions">
                  <button
                    type="button"
                    class="pm-button pm-button-danger"
                    onClick={() => {
                      const months = pendingRetention;
                      setPendingRetention(null);
                      void patch('retentionMonths', months);
                    }}
                  >
                    {t('postmaster_retentionShorterConfirm', retentionLabel(pendingRetention))}
                  </button>
                  <button type="button" class="pm-button" onClick={() => setPendingRetention(null)}>
                    {t('postmaster_cancel')}
                  </button>
                </div>
              </div>
            ) : null}
            <NextPurge status={status} />
          </>
        ) : null}
      </div>

      {enabled ? (
        <div class="pm-columns">
          <QuotaSummary status={status} />
          <ConnectionSettings status={status} />
        </div>
      ) : null}
    </section>
  );
}
