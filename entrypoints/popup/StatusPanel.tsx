// Archive on/off, read-only or write mode, IMAP access, automatic deletion and plan, as a description list.
import type { ArchiveStatus } from '@/utils/api/schemas';
import { formatNumber } from '@/utils/format';
import { t } from '@/utils/i18n';

function Flag({ on, onText, offText }: { on: boolean; onText: string; offText: string }) {
  return (
    <span class="pp-flag" data-on={on ? 'true' : 'false'}>
      <span class="pp-flag__dot" aria-hidden="true" />
      {on ? onText : offText}
    </span>
  );
}

/** `canEnable`: the postmaster looking at their own mailbox, who may turn the archive on themselves. */
export function StatusPanel({ status, locale, canEnable = false }: { status: ArchiveStatus; locale: string; canEnable?: boolean }) {
  return (
    <section class="pp-section" aria-labelledby="pp-status-heading">
      <h2 id="pp-status-heading" class="pp-heading">
        {t('popup_status_heading')}
      </h2>
      <dl class="pp-status">
        <div data-status="enabled">
          <dt>{t('popup_status_archive')}</dt>
          <dd>
            <Flag on={status.enabled} onText={t('popup_status_on')} offText={t('popup_status_off')} />
          </dd>
        </div>
        {status.enabled ? (
          <>
            <div data-status="mode">
              <dt>{t('popup_status_mode')}</dt>
              <dd>{status.writable ? t('popup_status_writable') : t('popup_status_readOnly')}</dd>
            </div>
            <div data-status="imap">
              <dt>{t('popup_status_imap')}</dt>
              <dd>
                <Flag on={status.imapAccess} onText={t('popup_status_on')} offText={t('popup_status_off')} />
              </dd>
            </div>
            <div data-status="retention">
              <dt>{t('popup_status_retention')}</dt>
              <dd>{status.retentionMonths === null ? t('popup_status_retentionNone') : t('popup_status_retentionMonths', status.retentionMonths)}</dd>
            </div>
            {status.planName ? (
              <div data-status="plan">
                <dt>{t('popup_status_plan')}</dt>
                <dd>{status.planName}</dd>
              </div>
            ) : null}
            <div data-status="messages">
              <dt>{t('popup_status_messages')}</dt>
              <dd>{formatNumber(status.messageCount, locale)}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {status.enabled ? null : (
        <p class="pp-note pp-note--info" data-disabled-note>
          {t(canEnable ? 'popup_disabled_postmaster' : 'popup_disabled')}
        </p>
      )}
    </section>
  );
}
