// The "Copia impostazioni" block: every client setting as readable text, one per line, no password.
import { securityLabel, type ClientSettings, type Translate } from './settings';

export interface SettingField {
  id:
    | 'accountName'
    | 'archiveAddress'
    | 'protocol'
    | 'imapHost'
    | 'imapPort'
    | 'imapSecurity'
    | 'imapAuth'
    | 'username'
    | 'smtpHost'
    | 'smtpPort'
    | 'smtpSecurity'
    | 'smtpCredentials';
  label: string;
  value: string;
  /** Values a user types into a client get a copy button; explanatory ones do not. */
  copyable: boolean;
}

export interface SettingGroup {
  id: 'account' | 'incoming' | 'outgoing';
  title: string;
  fields: SettingField[];
}

/** The settings grouped as the provider's guide lists them: account, incoming (IMAP), outgoing (SMTP). */
export function settingGroups(settings: ClientSettings, translate: Translate): SettingGroup[] {
  return [
    {
      id: 'account',
      title: translate('popup_settings_account'),
      fields: [
        { id: 'accountName', label: translate('popup_settings_accountName'), value: settings.accountName, copyable: true },
        { id: 'archiveAddress', label: translate('popup_settings_archiveAddress'), value: settings.archiveAddress, copyable: true },
      ],
    },
    {
      id: 'incoming',
      title: translate('popup_settings_incoming'),
      fields: [
        { id: 'protocol', label: translate('popup_settings_protocol'), value: 'IMAP', copyable: false },
        { id: 'imapHost', label: translate('popup_settings_imapHost'), value: settings.imap.host, copyable: true },
        { id: 'imapPort', label: translate('popup_settings_port'), value: String(settings.imap.port), copyable: true },
        { id: 'imapSecurity', label: translate('popup_settings_security'), value: securityLabel(settings.imap), copyable: true },
        { id: 'imapAuth', label: translate('popup_settings_auth'), value: translate('popup_settings_authPassword'), copyable: false },
        { id: 'username', label: translate('popup_settings_username'), value: settings.username, copyable: true },
      ],
    },
    {
      id: 'outgoing',
      title: translate('popup_settings_outgoing'),
      fields: [
        { id: 'smtpHost', label: translate('popup_settings_smtpHost'), value: settings.smtp.host, copyable: true },
        { id: 'smtpPort', label: translate('popup_settings_port'), value: String(settings.smtp.port), copyable: true },
        { id: 'smtpSecurity', label: translate('popup_settings_security'), value: securityLabel(settings.smtp), copyable: true },
        { id: 'smtpCredentials', label: translate('popup_settings_credentials'), value: translate('popup_settings_sameAsIncoming'), copyable: false },
      ],
    },
  ];
}

/** Plain text for the clipboard: a heading, then "Label: value" lines per group, groups separated by a blank line. */
export function settingsText(settings: ClientSettings, translate: Translate): string {
  const lines = [translate('popup_settings_textHeading', settings.mailbox)];
  for (const group of settingGroups(settings, translate)) {
    lines.push('', group.title.toLocaleUpperCase());
    for (const field of group.fields) lines.push(`${field.label}: ${field.value}`);
  }
  return lines.join('\n') + '\n';
}
