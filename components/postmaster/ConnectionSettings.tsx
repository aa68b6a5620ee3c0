// The archive mailbox and its IMAP/SMTP settings for a mail client, every value copyable.
import { useMemo } from 'preact/hooks';
import { CopyButton } from '@/components/common/CopyButton';
import { CopyField } from '@/components/common/CopyField';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { clientSettings, settingGroups, settingsText } from '@/utils/client-profiles';
import { t } from '@/utils/i18n';
import { activeProfile } from '@/utils/providers/active';

export function ConnectionSettings({ status, displayName }: { status: ArchiveStatus; displayName?: string }) {
  const settings = useMemo(() => clientSettings(status, activeProfile, t, displayName), [status, displayName]);
  return (
    <section class="pm-card" aria-labelledby="pm-connection-title">
      <h3 id="pm-connection-title" class="pm-card-title">{t('postmaster_connectionTitle')}</h3>
      {status.imapAccess ? null : <p class="pm-note" data-imap-off>{t('postmaster_connectionImapOff')}</p>}
      <div class="pm-groups">
        {settingGroups(settings, t).map((group) => (
          <div class="pm-group" key={group.id} role="group" aria-labelledby={`pm-group-${group.id}`}>
            <h4 id={`pm-group-${group.id}`} class="pm-group-title">{group.title}</h4>
            <dl class="arc-fields">
              {group.fields.map((field) => (
                <CopyField key={field.id} name={field.id} label={field.label} value={field.value} copyable={field.copyable} />
              ))}
            </dl>
          </div>
        ))}
      </div>
      <div class="pm-actions-start">
        <CopyButton text={settingsText(settings, t)} label={t('postmaster_connectionCopyAllLabel', status.address)}>
          {t('postmaster_connectionCopyAll')}
        </CopyButton>
      </div>
    </section>
  );
}
