// An in-memory archive behind the views' BackgroundClient, for component tests of the app (no background, no network).
// Each request of the table is answered by the method of the same name below.
import { ArchiveError, type ArchiveErrorKind } from '@/utils/api/errors';
import type { ArchiveStatus, Folder, MessageDetail, MessageSummary } from '@/utils/api/schemas';
import type { BackgroundClient, CallPayload } from '@/utils/rpc/client';
import type { Reply, RequestName } from '@/utils/rpc/requests';
import type { ChangeEvent } from '@/utils/rpc/events';
import type { Freshness } from '@/utils/rpc/fresh';
import { newestFirst, summaryMatcher } from '@/utils/rules/match';
import { summary } from './fixtures';

export const ORIGIN = 'http://127.0.0.1:8787';
export const MARIO = { address: 'mario.rossi@example.it', domain: 'example.it', role: 'user' as const, displayName: 'Mario Rossi' };

export function status(patch: Partial<ArchiveStatus> = {}): ArchiveStatus {
  return {
    address: MARIO.address,
    enabled: true,
    writable: false,
    imapAccess: false,
    retentionMonths: 24,
    plan: 'base',
    planName: 'Archivio 1 GB',
    usedBytes: 1000,
    quotaBytes: 1 << 30,
    messageCount: 30,
    full: false,
    archiveAddress: 'mario.rossi_example.it@archivio.postassl.it',
    imap: { host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' },
    smtp: { host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' },
    enabledAt: null,
    nextPurge: null,
    growth: { windowDays: 30, bytes: 0 },
    upgradeUrl: 'https://provider.example/piani',
    version: 1,
    ...patch,
  };
}

type Answers = { [N in RequestName]?: (payload: CallPayload<N>) => Promise<Reply<N>> };

export class FakeArchive implements BackgroundClient {
  status_ = status();
  signedIn = true;
  offline = false;
  /** Where a signed-out user signs in; 'archive' puts the app's own sign-in form on screen. */
  signInAt: 'webmail' | 'archive' = 'webmail';
  accountHint: string | undefined = undefined;
  /** The one password the archive's own sign-in accepts. */
  password = 'giusta';
  signInError: ArchiveErrorKind | null = null;
  signIns: { address: string; password: string }[] = [];
  failures = new Map<string, ArchiveErrorKind>();
  freshness: Freshness = { source: 'network', fetchedAt: Date.now(), offline: false, stale: false };
  messagesByFolder = new Map<string, MessageSummary[]>([
    ['inbox-2026-11', Array.from({ length: 20 }, (_, i) => summary(i))],
    [
      'inbox-2026-10',
      Array.from({ length: 5 }, (_, i) =>
        summary(100 + i, { folderId: 'inbox-2026-10', date: `2026-10-${String(20 - i).padStart(2, '0')}T10:00:00.000Z` }),
      ),
    ],
    ['sent', [summary(200, { folderId: 'sent', subject: 'Preventivo', to: [{ name: 'Giulia Verdi', address: 'giulia.verdi@example.it' }] })]],
  ]);
  html = new Map<string, string>();
  remoteSearch: MessageSummary[] = [];
  expiringItems: MessageSummary[] = [];
  /** What the provider counts as due; undefined leaves `total` out, as a provider may. */
  expiringTotal: number | undefined = undefined;
  calls: string[] = [];
  private listeners = new Set<(event: ChangeEvent) => void>();

  emit(event: Omit<ChangeEvent, 'type'>): void {
    for (const listener of this.listeners) listener({ type: 'archivio/event', ...event });
  }

  private check(name: string): void {
    this.calls.push(name);
    const kind = this.failures.get(name);
    if (kind) throw new ArchiveError(kind);
  }

  private all(): MessageSummary[] {
    return [...this.messagesByFolder.values()].flat().sort(newestFirst);
  }

  private folderList(): Folder[] {
    const folders: Folder[] = [];
    let inboxCount = 0;
    for (const [id, items] of this.messagesByFolder) {
      if (id.startsWith('inbox-')) {
        inboxCount += items.length;
        folders.push({
          id,
          parentId: 'inbox',
          name: id.slice(6),
          kind: 'inbox-month',
          month: id.slice(6),
          messageCount: items.length,
          bytes: items.length * 1000,
        });
      } else
        folders.push({
          id,
          parentId: null,
          name: id === 'sent' ? 'Posta inviata' : id,
          kind: id === 'sent' ? 'sent' : 'custom',
          messageCount: items.length,
          bytes: items.length * 1000,
        });
    }
    return [{ id: 'inbox', parentId: null, name: 'Posta in arrivo', kind: 'inbox', messageCount: inboxCount, bytes: inboxCount * 1000 }, ...folders];
  }

  call<N extends RequestName>(name: N, payload: CallPayload<N>): Promise<Reply<N>> {
    const answer = this.answers[name] as ((payload: CallPayload<N>) => Promise<Reply<N>>) | undefined;
    if (!answer) return Promise.reject(new ArchiveError('bad_message', { detail: `no fake for ${name}` }));
    return answer(payload);
  }

  private readonly answers: Answers = {
    'session.get': async () => {
      this.check('session');
      return { origin: ORIGIN, me: this.signedIn ? MARIO : null, offline: this.offline, signInAt: this.signInAt, accountHint: this.accountHint };
    },
    'session.signIn': async ({ address, password }) => {
      this.signIns.push({ address, password });
      if (this.signInError) throw new ArchiveError(this.signInError, { retryAfterSeconds: this.signInError === 'rate_limited' ? 300 : undefined });
      if (address !== MARIO.address || password !== this.password) throw new ArchiveError('unauthenticated', { status: 401 });
      this.signedIn = true;
      return { origin: ORIGIN, me: MARIO, offline: false, signInAt: this.signInAt };
    },
    'status.get': async () => {
      this.check('status');
      return { value: this.status_, freshness: this.freshness };
    },
    'folders.list': async () => {
      this.check('folders');
      return { value: { version: 1, folders: this.folderList() }, freshness: this.freshness };
    },
    'messages.list': async ({ folderId, offset, limit }) => {
      this.check('messages');
      const items =
        folderId === 'inbox'
          ? this.all().filter((m) => m.folderId.startsWith('inbox-'))
          : [...(this.messagesByFolder.get(folderId) ?? [])].sort(newestFirst);
      return { value: { items: items.slice(offset, offset + limit), total: items.length, complete: true }, freshness: this.freshness };
    },
    'messages.filter': async ({ query }) => {
      this.check('filter');
      return this.all().filter(summaryMatcher(query));
    },
    search: async ({ query }) => {
      this.check('search');
      return { items: query.q ? this.remoteSearch : [], nextCursor: null };
    },
    'expiring.list': async () => {
      this.check('expiring');
      return { items: this.expiringItems, total: this.expiringTotal };
    },
    'message.get': async ({ id }): Promise<MessageDetail> => {
      this.check('message');
      const found = this.all().find((m) => m.id === id);
      if (!found) throw new ArchiveError('not_found');
      const html = this.html.get(id) ?? null;
      return {
        ...found,
        cc: [],
        replyTo: [],
        headers: [],
        text: html ? null : `Testo di ${found.subject}`,
        html,
        attachments: found.hasAttachments ? [{ index: 0, filename: 'fattura.pdf', contentType: 'application/pdf', size: 2048, contentId: null }] : [],
      };
    },
    'message.restore': async ({ id }) => {
      this.check(`restore:${id}`);
      return { restored: true as const, mailboxMessageId: 'x' };
    },
    'message.move': async ({ id, folderId }) => {
      this.check(`move:${id}:${folderId}`);
      if (!this.status_.writable) throw new ArchiveError('read_only');
      this.removeId(id);
    },
    'message.delete': async ({ id }) => {
      this.check(`remove:${id}`);
      if (!this.status_.writable) throw new ArchiveError('read_only');
      this.removeId(id);
    },
    'folder.empty': async ({ folderId }) => {
      this.check(`empty:${folderId}`);
      const removed = this.messagesByFolder.get(folderId)?.length ?? 0;
      this.messagesByFolder.set(folderId, []);
      return { removed };
    },
    download: async ({ target }) => {
      this.check(`download:${target.kind}`);
      return { downloadId: null };
    },
  };

  onChange(listener: (event: ChangeEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private removeId(id: string): void {
    for (const [folder, items] of this.messagesByFolder)
      this.messagesByFolder.set(
        folder,
        items.filter((m) => m.id !== id),
      );
  }
}
