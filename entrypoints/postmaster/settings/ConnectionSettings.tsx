// The archive mailbox and its IMAP/SMTP settings for a mail client, every value copyable.
import { useMemo } from 'preact/hooks';
import { CopyButton } from '@/components/CopyButton';
import { SettingGroups } from '@/components/SettingGroups';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { clientSettings, settingsText } from '@/utils/client-profiles';
import { t } from '@/utils/i18n';
import { activeProfile } from '@/utils/providers/active';

export function ConnectionSettings({ status, displayName }: { status: ArchiveStatus; displayName?: string }) {
  const settings = useMemo(() => clientSettings(status, activeProfile, t, displayName), [status, displayName]);
  return (
    <section class="pm-card" aria-labelledby="pm-connection-title">
      <h3 id="pm-connection-title" class="pm-card-title">
        {t('postmaster_connectionTitle')}
      </h3>
      {status.imapAccess ? null : (
        <p class="pm-note" data-imap-off>
          {t('postmaster_connectionImapOff')}
        </p>
      )}
      <div class="pm-groups">
        <SettingGroups settings={settings} idPrefix="pm" headingLevel={4} groupClass="pm-group" titleClass="pm-group-title" />
      </div>
      <div class="pm-actions-start">
        <CopyButton text={settingsText(settings, t)} label={t('postmaster_connectionCopyAllLabel', status.address)}>
          {t('postmaster_connectionCopyAll')}
        </CopyButton>
      </div>
    </section>
  );
}
