// The bag of shared state every service and route works with: database repositories, Maildirs, clock, write lock.
import type { Clock } from '../clock';
import type { ProviderConfig } from '../config';
import type { WriteLock } from '../lock';
import type { Addr, IndexFields } from '../mail/parse';
import type { Directory, Redirect } from '../rules/delivery';
import type { AccountsRepo } from '../storage/accounts';
import type { ArchivesRepo } from '../storage/archives';
import type { Db } from '../storage/db';
import type { Maildirs } from '../storage/maildir';
import type { MessageRow, MessagesRepo, Store } from '../storage/messages';
import type { SessionsRepo } from '../storage/sessions';

export interface Services {
  config: ProviderConfig;
  db: Db;
  clock: Clock;
  lock: WriteLock;
  maildirs: Maildirs;
  accounts: AccountsRepo;
  archives: ArchivesRepo;
  messages: MessagesRepo;
  sessions: SessionsRepo;
}

export function directoryOf(services: Services): Directory {
  return {
    isMailbox: (address: string) => services.accounts.get(address) !== null,
    redirect: (address: string): Redirect | null => services.accounts.redirect(address),
  };
}

export function indexRow(
  fields: IndexFields,
  place: { id: string; store: Store; address: string; folderId: string; file: string; size: number },
  meta: { dateMs: number; seen: boolean; via: string; storedMs: number },
): MessageRow {
  return {
    ...place,
    messageId: fields.messageId,
    dateMs: meta.dateMs,
    fromName: fields.from.name,
    fromAddress: fields.from.address,
    to: fields.to as Addr[],
    subject: fields.subject,
    hasAttachments: fields.hasAttachments,
    snippet: fields.snippet,
    searchText: fields.searchText,
    fromSearch: fields.fromSearch,
    toSearch: fields.toSearch,
    seen: meta.seen,
    deliveredVia: meta.via,
    storedMs: meta.storedMs,
  };
}
