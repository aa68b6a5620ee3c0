// What each request answers, derived from the background's own operations.
import type { ArchiveService } from '@/utils/background/archive-service';
import type { RequestName } from './protocol';

type R<K extends keyof ArchiveService> = ArchiveService[K] extends (...args: never[]) => Promise<infer T> ? T : never;

export interface Responses extends Record<RequestName, unknown> {
  'session.get': R<'session'>;
  'session.signedOut': void;
  'status.get': R<'status'>;
  'folders.list': R<'folders'>;
  'messages.list': R<'messages'>;
  'messages.filter': R<'filter'>;
  'message.get': R<'message'>;
  'message.restore': R<'restore'>;
  'message.move': void;
  'message.delete': void;
  'folder.empty': R<'emptyFolder'>;
  search: R<'search'>;
  'expiring.list': R<'expiring'>;
  download: { downloadId: number | null };
  'admin.mailboxes': R<'mailboxes'>;
  'admin.updateSettings': R<'updateSettings'>;
  'admin.enable': R<'enable'>;
  'admin.disable': R<'disable'>;
  'cache.clear': void;
}
