// Client setup for the archive account: each documented setting with a copy button, "Copia impostazioni", profiles.
import { useMemo, useState } from 'preact/hooks';
import { CopyButton } from '@/components/CopyButton';
import { SettingGroups } from '@/components/SettingGroups';
import type { ArchiveStatus } from '@/utils/api/schemas';
import {
  appleMailProfile,
  AUTOCONFIG_FILENAME,
  AUTOCONFIG_TYPE,
  clientSettings,
  MOBILECONFIG_TYPE,
  mobileconfigFilename,
  saveFile,
  settingsText,
  thunderbirdAutoconfig,
} from '@/utils/client-profiles';
import { t } from '@/utils/i18n';
import type { ProviderProfile } from '@/utils/providers/profile';
import { ImapNotice } from './ImapNotice';

interface Props {
  status: ArchiveStatus;
  profile: ProviderProfile;
  displayName?: string;
  canEnableImap: boolean;
  onStatusChanged(status: ArchiveStatus): void;
}

export function ClientSetup({ status, profile, displayName, canEnableImap, onStatusChanged }: Props) {
  const settings = useMemo(() => clientSettings(status, profile, t, displayName), [status, profile, displayName]);
  const [saved, setSaved] = useState<string | null>(null);
  const [imapTurnedOn, setImapTurnedOn] = useState(false);

  const download = (filename: string, content: string, type: string) => {
    saveFile(filename, content, type);
    setSaved(filename);
  };

  return (
    <section class="pp-section" aria-labelledby="pp-setup-heading">
      <h2 id="pp-setup-heading" class="pp-heading">
        {t('popup_settings_heading')}
      </h2>
      {status.imapAccess ? null : (
        <ImapNotice
          status={status}
          canEnable={canEnableImap}
          onChanged={(next) => {
            setImapTurnedOn(next.imapAccess);
            onStatusChanged(next);
          }}
        />
      )}
      {status.imapAccess && imapTurnedOn ? (
        <p class="pp-note pp-note--info" role="status" data-imap-on>
          {t('popup_imapOff_done')}
        </p>
      ) : null}
      <p class="pp-muted">{t('popup_settings_intro')}</p>
      <SettingGroups settings={settings} idPrefix="pp" headingLevel={3} groupClass="pp-group" titleClass="pp-subheading" />
      <CopyButton variant="primary" text={settingsText(settings, t)} label={t('popup_settings_copyAllLabel')}>
        {t('popup_settings_copyAll')}
      </CopyButton>

      <h3 class="pp-subheading">{t('popup_profiles_heading')}</h3>
      <div class="pp-downloads">
        <div>
          <button
            type="button"
            class="pp-button"
            onClick={() => download(mobileconfigFilename(settings), appleMailProfile(settings, t), MOBILECONFIG_TYPE)}
          >
            {t('popup_profiles_apple')}
          </button>
          <p class="pp-hint">{t('popup_profiles_appleHint')}</p>
        </div>
        <div>
          <button type="button" class="pp-button" onClick={() => download(AUTOCONFIG_FILENAME, thunderbirdAutoconfig(settings, t), AUTOCONFIG_TYPE)}>
            {t('popup_profiles_thunderbird')}
          </button>
          <p class="pp-hint">{t('popup_profiles_thunderbirdHint')}</p>
        </div>
      </div>
      <p class="pp-hint" role="status">
        {saved ? t('popup_profiles_saved', saved) : ''}
      </p>
    </section>
  );
}
