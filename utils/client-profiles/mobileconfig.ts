// Apple configuration profile (.mobileconfig) with one IMAP mail account payload for the archive; no password.
import { plistDocument, type PlistDict } from './plist';
import type { ClientSettings, Translate } from './settings';

export const MOBILECONFIG_TYPE = 'application/x-apple-aspen-config';

export interface MobileconfigOptions {
  /** Random by default; tests pass a fixed generator. */
  uuid?: () => string;
}

/** Reverse-DNS identifier from the archive domain and address: installing it again replaces the same profile. */
export function profileIdentifier(settings: ClientSettings): string {
  const reversed = settings.archiveDomain.toLowerCase().split('.').filter(Boolean).reverse().join('.');
  const account = settings.archiveAddress
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${reversed}.profile.${account}`;
}

export function mobileconfigFilename(settings: ClientSettings): string {
  const box = settings.mailbox.split('@')[0]!.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `archivio-${box}.mobileconfig`;
}

/**
 * Keys as Apple documents them for `com.apple.mail.managed` (DeviceManagement › Mail) inside a top-level
 * `Configuration` profile. Neither `IncomingPassword` nor `OutgoingPassword` is written: the device asks for the
 * password when the profile is installed, and `OutgoingPasswordSameAsIncomingPassword` makes it ask only once.
 */
export function appleMailProfile(settings: ClientSettings, translate: Translate, options: MobileconfigOptions = {}): string {
  const uuid = options.uuid ?? (() => crypto.randomUUID().toUpperCase());
  const identifier = profileIdentifier(settings);
  const mail: PlistDict = {
    EmailAccountDescription: settings.accountName,
    EmailAccountName: settings.displayName,
    EmailAccountType: 'EmailTypeIMAP',
    EmailAddress: settings.archiveAddress,
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerHostName: settings.imap.host,
    IncomingMailServerPortNumber: settings.imap.port,
    IncomingMailServerUseSSL: true,
    IncomingMailServerUsername: settings.username,
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerHostName: settings.smtp.host,
    OutgoingMailServerPortNumber: settings.smtp.port,
    OutgoingMailServerUseSSL: true,
    OutgoingMailServerUsername: settings.username,
    OutgoingPasswordSameAsIncomingPassword: true,
    PayloadDescription: translate('popup_profile_mailDescription', settings.mailbox),
    PayloadDisplayName: settings.accountName,
    PayloadIdentifier: `${identifier}.mail`,
    PayloadType: 'com.apple.mail.managed',
    PayloadUUID: uuid(),
    PayloadVersion: 1,
  };
  return plistDocument({
    PayloadContent: [mail],
    PayloadDescription: translate('popup_profile_description', settings.mailbox),
    PayloadDisplayName: translate('popup_profile_displayName', settings.mailbox),
    PayloadIdentifier: identifier,
    PayloadOrganization: settings.providerName,
    PayloadRemovalDisallowed: false,
    PayloadType: 'Configuration',
    PayloadUUID: uuid(),
    PayloadVersion: 1,
  });
}
