// What the archive app asks of the background, as one interface (rpc in the page, an in-memory double in tests).
import type { ArchiveStatus, FolderList, MessageDetail, MessageSummary, SearchQuery } from '@/utils/api/schemas';
import type { DownloadTarget, ListingPage, SessionInfo } from '@/utils/rpc/replies';
import { isChangeEvent, type ChangeEvent } from '@/utils/rpc/events';
import type { Fresh } from '@/utils/rpc/fresh';
import { rpc } from '@/utils/rpc/client';
import type { LocalFilter } from '@/utils/rules/match';

export type { DownloadTarget };

export interface ArchiveApi {
  session(): Promise<SessionInfo>;
  status(): Promise<Fresh<ArchiveStatus>>;
  folders(): Promise<Fresh<FolderList>>;
  messages(folderId: string, offset: number, limit: number): Promise<Fresh<ListingPage>>;
  filter(query: LocalFilter): Promise<MessageSummary[]>;
  search(query: SearchQuery): Promise<{ items: MessageSummary[]; nextCursor: string | null }>;
  expiring(days: number): Promise<{ items: MessageSummary[] }>;
  message(id: string): Promise<MessageDetail>;
  restore(id: string): Promise<{ restored: true; mailboxMessageId?: string }>;
  move(id: string, folderId: string, fromFolderId: string): Promise<void>;
  remove(id: string, folderId: string): Promise<void>;
  emptyFolder(folderId: string): Promise<{ removed: number }>;
  download(target: DownloadTarget): Promise<{ downloadId: number | null }>;
  /** Calls `listener` for every change event the background broadcasts; returns the unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

/**
 * The real thing: every call goes to the background. `origin` is sent only when the page was told one
 * (a tab of its own); inside the webmail the background takes the origin from the frame's tab.
 */
export function rpcArchiveApi(origin: string | null): ArchiveApi {
  const o = origin ? { origin } : {};
  return {
    session: () => rpc('session.get', { ...o }),
    status: () => rpc('status.get', { ...o }),
    folders: () => rpc('folders.list', { ...o }),
    messages: (folderId, offset, limit) => rpc('messages.list', { ...o, folderId, offset, limit }),
    filter: (query) => rpc('messages.filter', { ...o, query }),
    search: (query) => rpc('search', { ...o, query }),
    expiring: (days) => rpc('expiring.list', { ...o, days }),
    message: (id) => rpc('message.get', { ...o, id }),
    restore: (id) => rpc('message.restore', { ...o, id }),
    move: (id, folderId, fromFolderId) => rpc('message.move', { ...o, id, folderId, fromFolderId }),
    remove: (id, folderId) => rpc('message.delete', { ...o, id, folderId }),
    emptyFolder: (folderId) => rpc('folder.empty', { ...o, folderId }),
    download: (target) => rpc('download', { ...o, target }),
    onChange(listener) {
      const onMessage = (message: unknown) => {
        if (isChangeEvent(message)) listener(message);
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
