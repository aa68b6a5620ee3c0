// The archive account's mail-client settings, exactly as the provider documents them, from the archive status.
import type { ArchiveStatus } from '@/utils/api/schemas';
import { archiveAddressFor, mailboxName } from '@/utils/rules/address';
import type { ProviderProfile, ServerEndpoint } from '@/utils/providers/profile';

export interface ClientSettings {
  /** The user's own mailbox ("mario.rossi@example.it"). */
  mailbox: string;
  /** Suggested account name, e.g. "archivio casella mario.rossi". */
  accountName: string;
  /** The archive mailbox: email address and user name of the archive account. */
  archiveAddress: string;
  username: string;
  imap: ServerEndpoint;
  smtp: ServerEndpoint;
  archiveDomain: string;
  providerName: string;
  displayName?: string;
}

export type Translate = (key: string, ...substitutions: (string | number)[]) => string;

type StatusPart = Pick<ArchiveStatus, 'address' | 'archiveAddress' | 'imap' | 'smtp'>;

/** The provider's status wins (it may move servers); the build's profile fills anything missing. */
export function clientSettings(status: StatusPart, profile: ProviderProfile, translate: Translate, displayName?: string): ClientSettings {
  const archiveAddress = status.archiveAddress || archiveAddressFor(status.address, profile.archiveDomain) || status.address;
  const archiveDomain = archiveAddress.split('@')[1] || profile.archiveDomain;
  return {
    mailbox: status.address,
    accountName: translate('popup_accountName', mailboxName(status.address)),
    archiveAddress,
    username: archiveAddress,
    imap: status.imap?.host ? status.imap : profile.imap,
    smtp: status.smtp?.host ? status.smtp : profile.smtp,
    archiveDomain,
    providerName: profile.name,
    displayName: displayName || undefined,
  };
}

/** "SSL/TLS" as the provider writes it ("SSL o TLS"), or "STARTTLS". */
export function securityLabel(endpoint: ServerEndpoint): string {
  return endpoint.security === 'ssl' ? 'SSL/TLS' : 'STARTTLS';
}
