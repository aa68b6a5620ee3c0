// What the background does for its callers: identity, cached reads with revalidation, mutations that invalidate.
import { type ArchiveApiClient } from '@/utils/api/client';
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveStatus, FolderList, Me, MessagePage, MessageSummary, SearchQuery, SettingsPatch } from '@/utils/api/schemas';
import { countFromFolders, EXPECTED_BYTES_PER_ROW, type ArchiveCache } from '@/utils/cache/archive-cache';
import type { IdentityStore } from './identity';
import { WEBMAIL_SESSIONS, type SessionScope } from './session-scope';
import type { Notify } from '@/utils/rpc/events';
import { isOfflineError, staleWhileRevalidate, type Fresh } from './freshness';
import { isEmptyFilter, type LocalFilter } from '@/utils/rules/match';
import { ListingSync } from './listings';
import type { DownloadTarget } from '@/utils/rpc/payloads';
import type { ListingPage, SessionInfo } from '@/utils/rpc/replies';
import { SingleFlight } from './single-flight';

/** How long a confirmation of who is signed in (`/me`, or an owner-only read that succeeded) spares asking `/me`. */
const SESSION_PROOF_MS = 60_000;

/** Rows from the top within which a listing is paged into the cache behind an answer (deeper seeks are not). */
const FILL_AHEAD_ROWS = 2_000;

export interface ServiceDeps {
  /** The API client for a webmail origin (calling the API where the profile puts it). */
  clientFor(origin: string): ArchiveApiClient;
  /** Which archive session serves which webmail origin; default: each origin's own webmail session. */
  scope?: SessionScope;
  cache(): Promise<ArchiveCache>;
  identities: IdentityStore;
  notify: Notify;
  revalidateBudgetMs?: number;
  /** A cached status or folder list younger than this answers without asking the provider again (0: always ask). */
  freshForMs?: number;
  now?: () => number;
  /** Called with the signed-in user's own archive status whenever one is read or changed (toolbar badge). */
  onOwnStatus?: (status: ArchiveStatus) => void;
}

export class ArchiveService {
  private readonly flight = new SingleFlight();
  private readonly listings: ListingSync;
  /** Origins whose last request could not reach the provider (a hint; unknown again after a worker restart). */
  private readonly unreachable = new Set<string>();
  private readonly budget: number;
  private readonly now: () => number;
  /** Status changes made through this worker, per account and mailbox: a read that started before one is older. */
  private readonly statusChanges = new Map<string, number>();
  private readonly sessionErrorsSeen = new WeakSet<ArchiveError>();
  /** When the provider last confirmed the identity on each origin (`/me`), in this worker's life. */
  private readonly confirmedAt = new Map<string, number>();
  private readonly scope: SessionScope;
  /** Sign-outs seen per session key: a `/me` answered across one must not sign the account in again. */
  private readonly signOuts = new Map<string, number>();
  /** Sign-outs under way per session key: a `/me` asked meanwhile waits for them. */
  private readonly signingOut = new Map<string, Promise<void>>();

  constructor(private readonly deps: ServiceDeps) {
    this.scope = deps.scope ?? WEBMAIL_SESSIONS;
    this.budget = deps.revalidateBudgetMs ?? 0;
    this.now = deps.now ?? Date.now;
    this.listings = new ListingSync(deps, this.flight);
  }

  /**
   * Who is signed in: the identity the provider confirmed in this browser session answers at once and is asked
   * again behind the answer (a change reaches views as a session event); with none, the provider's answer.
   */
  async session(origin: string, accountHint?: string, options: { fromWebmailPage?: boolean } = {}): Promise<SessionInfo> {
    const [known] = await Promise.all([
      this.identity(origin),
      this.deps.identities.setLastOrigin(origin),
      accountHint ? this.deps.identities.setAccountHint(origin, accountHint) : undefined,
    ]);
    if (!known) return this.confirm(origin);
    // The webmail page asks when it loads or moves: that is where someone signs in as another user, so its question
    // is always checked with the provider behind the answer. Otherwise, confirmed within the last minute by `/me` or by
    // an owner-only read (`changes?since=` answers only the archive's owner), asking again would learn nothing; any
    // owner-only read still answers 401/403 if the session changed meanwhile, and that asks `/me` again at once.
    const confirmed = this.confirmedAt.get(this.scope.keyOf(origin));
    if (options.fromWebmailPage || confirmed === undefined || this.now() - confirmed >= SESSION_PROOF_MS) {
      void this.confirm(origin).catch(() => undefined);
    }
    return this.info(origin, known, this.unreachable.has(origin));
  }

  /** The provider's word on who is signed in, waited for (the page says the user signed out). */
  async recheckSession(origin: string): Promise<SessionInfo> {
    await this.deps.identities.setLastOrigin(origin);
    return this.confirm(origin);
  }

  /**
   * The archive's own sign-in, when its API is apart from the webmail: the provider sets its session cookie at the
   * API origin, where every tab and frame of this browser session finds it. The password is passed on, never kept.
   */
  async signIn(origin: string, address: string, password: string): Promise<SessionInfo> {
    if (this.scope.signInAt !== 'archive') {
      throw new ArchiveError('forbidden', { detail: 'this webmail signs in on its own pages' });
    }
    const key = this.scope.keyOf(origin);
    await this.deps.identities.setLastOrigin(origin);
    const me = await this.tracked(origin, () => this.deps.clientFor(origin).signIn(address, password), false);
    await this.deps.identities.setPendingSignOut(key, false);
    return this.adopt(origin, me);
  }

  /**
   * The webmail says its user signed out. Beside the webmail its session was the archive's: ask the provider.
   * Apart from it the archive's session would outlive the webmail's, so it ends too (DELETE at the API origin) and
   * the account's identity and cache go at once; a provider out of reach is told again before the next request.
   */
  async hostSignedOut(origin: string): Promise<void> {
    if (this.scope.signInAt !== 'archive') {
      await this.recheckSession(origin);
      return;
    }
    const key = this.scope.keyOf(origin);
    this.signOuts.set(key, (this.signOuts.get(key) ?? 0) + 1);
    const work = (async () => {
      await this.deps.identities.setPendingSignOut(key, true);
      const known = await this.identity(origin);
      if (known) await this.signedOut(origin, known.address);
      await this.endPendingSignOut(origin).catch(() => undefined);
    })();
    this.signingOut.set(key, work);
    try {
      await work;
    } finally {
      if (this.signingOut.get(key) === work) this.signingOut.delete(key);
    }
  }

  /** Sends a sign-out the provider has not acknowledged yet; throws while it cannot be reached. */
  private async endPendingSignOut(origin: string): Promise<void> {
    const key = this.scope.keyOf(origin);
    if (!(await this.deps.identities.pendingSignOut(key))) return;
    await this.flight.run(`signOut|${key}`, async () => {
      await this.deps.clientFor(origin).signOut();
      await this.deps.identities.setPendingSignOut(key, false);
    });
  }

  private identity(origin: string): Promise<Me | null> {
    return this.deps.identities.get(this.scope.keyOf(origin));
  }

  private async info(origin: string, me: Me | null, offline: boolean): Promise<SessionInfo> {
    const info: SessionInfo = { origin, me, offline, signInAt: this.scope.signInAt };
    if (!me && this.scope.signInAt === 'archive') {
      const hint = await this.deps.identities.accountHint(origin);
      if (hint) info.accountHint = hint;
    }
    return info;
  }

  /** A session event for every webmail origin this archive session serves. */
  private notifySession(origin: string, account: string | null): void {
    for (const served of this.scope.sharing(origin)) this.deps.notify({ origin: served, account, scope: 'session' });
  }

  /**
   * The provider's word on who is signed in (`/me`). Only a confirmed identity is stored, and the cache serves an
   * account only while such an identity names it; a different account than the one stored drops the old one's cache.
   */
  private confirm(origin: string): Promise<SessionInfo> {
    return this.flight.run(`me|${this.scope.keyOf(origin)}`, async () => {
      try {
        // A sign-out under way, or one the provider missed, comes first: its cookie must not sign the account in again.
        await this.signingOut.get(this.scope.keyOf(origin));
        await this.endPendingSignOut(origin);
        const signOuts = this.signOuts.get(this.scope.keyOf(origin)) ?? 0;
        const me = await this.deps.clientFor(origin).me();
        if ((this.signOuts.get(this.scope.keyOf(origin)) ?? 0) !== signOuts) return this.info(origin, null, false);
        this.confirmedAt.set(this.scope.keyOf(origin), this.now());
        return await this.adopt(origin, me);
      } catch (error) {
        if (isOfflineError(error)) return this.info(origin, await this.identity(origin), true);
        if (error instanceof ArchiveError && error.kind === 'unauthenticated') {
          const previous = await this.identity(origin);
          if (previous) await this.signedOut(origin, previous.address);
          return this.info(origin, null, false);
        }
        throw error;
      }
    });
  }

  /** The provider confirmed `me` on this session: stored, other accounts' caches dropped, views told, cache warmed. */
  private async adopt(origin: string, me: Me): Promise<SessionInfo> {
    const previous = await this.identity(origin);
    if (previous && previous.address !== me.address) await this.signedOut(origin, previous.address);
    await this.deps.identities.set(this.scope.keyOf(origin), me);
    await this.dropUnconfirmedAccounts();
    if (!previous || previous.address !== me.address) this.notifySession(origin, me.address);
    void this.warm(origin);
    return this.info(origin, me, false);
  }

  /**
   * Storage of the browser session is empty after a restart while IndexedDB is not: whatever accounts were cached
   * then and are not confirmed now (another person may have signed in on this webmail) are dropped.
   */
  private async dropUnconfirmedAccounts(): Promise<void> {
    const confirmed = await this.deps.identities.confirmedAccounts();
    const cache = await this.deps.cache();
    for (const account of await cache.accounts()) if (!confirmed.has(account)) await cache.clearAccount(account);
  }

  /** A webmail visit fills the cache ahead of need, so the archive and the popup open at once. */
  private async warm(origin: string): Promise<void> {
    await this.flight.run(`warm|${origin}`, async () => {
      await Promise.allSettled([this.status(origin), this.folders(origin)]);
    });
  }

  /** The signed-in account on an origin, or `unauthenticated`. */
  async account(origin: string): Promise<Me> {
    const known = await this.identity(origin);
    if (known) return known;
    const session = await this.session(origin);
    if (session.me) return session.me;
    throw new ArchiveError(session.offline ? 'network' : 'unauthenticated');
  }

  /** Sign-out: the account's cache goes with its session. */
  async signedOut(origin: string, account: string): Promise<void> {
    this.confirmedAt.delete(this.scope.keyOf(origin));
    await this.deps.identities.forget(this.scope.keyOf(origin));
    await (await this.deps.cache()).clearAccount(account);
    this.notifySession(origin, null);
  }

  /**
   * A status; `settingsMaxAgeMs` (a view that asks again that often by itself) lets a cached own status that young
   * answer without asking for it, when the shared `changes?since=` says the archive's content did not move.
   */
  async status(origin: string, mailbox?: string, settingsMaxAgeMs = 0): Promise<Fresh<ArchiveStatus>> {
    const me = await this.account(origin);
    const target = mailbox ?? me.address;
    const cache = await this.deps.cache();
    const cached = await cache.getStatus(me.address, target);
    const answer = await this.guard(origin, () =>
      this.revalidate(origin, cached, () => this.refreshStatus(origin, me.address, target, settingsMaxAgeMs), this.budget),
    );
    // A fresh status was reported by refreshStatus already; a cached one is reported here.
    if (answer.freshness.source === 'cache' && target === me.address) this.deps.onOwnStatus?.(answer.value);
    return answer;
  }

  async folders(origin: string): Promise<Fresh<FolderList>> {
    const me = await this.account(origin);
    const cache = await this.deps.cache();
    const cached = await cache.getFolders(me.address);
    const fromCache = cached ? { value: { version: cached.version, folders: cached.folders }, fetchedAt: cached.fetchedAt } : undefined;
    return this.guard(origin, () => this.revalidate(origin, fromCache, () => this.refreshFolders(origin, me.address), this.budget));
  }

  /**
   * Rows [offset, offset + limit) of a folder, newest first. Rows the cache holds answer at once (one read) and
   * are brought up to date behind the answer. Rows it lacks come straight from the provider by position, however
   * deep; the listing is then paged into the cache behind the answer, near its top only.
   */
  async messages(origin: string, folderId: string, offset: number, limit: number): Promise<Fresh<ListingPage>> {
    const me = await this.account(origin);
    const cache = await this.deps.cache();
    const cached = await cache.readWindow(me.address, folderId, offset, limit);
    if (cached?.covered) {
      this.revalidateListings(origin, me.address);
      if (!cached.meta.complete) this.fillInBackground(origin, me.address, folderId);
      // A worker that was stopped lost the instant filter's index: it is rebuilt while the view shows its rows, so
      // the first keystroke finds it ready.
      void cache.prepareFilter(me.address).catch(() => undefined);
      return {
        value: { items: cached.items, total: cached.total, complete: cached.meta.complete },
        freshness: { source: 'cache', fetchedAt: cached.meta.fetchedAt, offline: this.unreachable.has(origin), stale: true },
      };
    }
    const seek = await this.guard(origin, () => this.tracked(origin, () => this.listings.seek(origin, me.address, folderId, offset, limit)));
    const reached = offset + seek.items.length;
    const known = cached?.total ?? countFromFolders(await cache.getFolders(me.address), folderId) ?? 0;
    const total = seek.end ? reached : Math.max(reached + 1, known);
    if (offset < FILL_AHEAD_ROWS || (cached?.items.length ?? 0) > 0) {
      this.fillInBackground(origin, me.address, folderId, offset === 0 && !cached ? seek.first : undefined);
    }
    return { value: { items: seek.items, total, complete: seek.end && offset === 0 }, freshness: this.networkFreshness() };
  }

  /**
   * Pages an opened listing in whole, behind the answers, then every other folder of the archive while they fit
   * under the cache's bound, so that the instant filter sees the whole archive. One listing at a time, one request
   * ahead; views only hear a change event when a listing is in.
   */
  private fillInBackground(origin: string, account: string, folderId: string, seed?: MessagePage): void {
    void this.guard(origin, async () => {
      await this.listings.fill(origin, account, folderId, Number.POSITIVE_INFINITY, seed);
      await this.fillArchive(origin, account);
    }).catch(() => undefined);
  }

  private fillArchive(origin: string, account: string): Promise<void> {
    return this.flight.run(`archive-fill|${account}`, async () => {
      const cache = await this.deps.cache();
      // Concrete folders only: "inbox" as a whole would store every month's rows a second time.
      for (const folder of (await cache.getFolders(account))?.folders ?? []) {
        if (folder.kind === 'inbox' || folder.messageCount === 0) continue;
        const meta = await cache.getMeta(account, folder.id);
        if (meta?.complete) continue;
        if (!(await cache.hasRoomFor(folder.messageCount * EXPECTED_BYTES_PER_ROW))) continue;
        await this.listings.fill(origin, account, folder.id, Number.POSITIVE_INFINITY);
      }
      // The first keystroke of the instant filter then finds its index ready.
      await cache.prepareFilter(account);
    });
  }

  /** Cached listings are brought up to date (`changes?since=`) behind cached answers; concurrent asks share one request. */
  private revalidateListings(origin: string, account: string): void {
    void this.guard(origin, () => this.tracked(origin, () => this.syncChanges(origin, account))).catch(() => undefined);
  }

  /** The archive app's instant filter: cached summaries only, newest first, never a provider call. */
  async filter(origin: string, query: LocalFilter): Promise<MessageSummary[]> {
    const me = await this.account(origin);
    if (isEmptyFilter(query)) return [];
    return (await this.deps.cache()).filterMessages(me.address, query, query.limit ?? 500);
  }

  message(origin: string, id: string) {
    return this.withAccount(origin, (client, me) => client.message(me.address, id));
  }

  search(origin: string, query: SearchQuery) {
    return this.withAccount(origin, (client, me) => client.search(me.address, query));
  }

  expiring(origin: string, days: number, limit?: number) {
    return this.withAccount(origin, (client, me) => client.expiring(me.address, days, limit));
  }

  mailboxes(origin: string) {
    return this.withAccount(origin, (client) => client.mailboxes());
  }

  async downloadUrl(origin: string, target: DownloadTarget) {
    const me = await this.account(origin);
    if (target.kind === 'archive-export' && target.mailbox !== me.address && me.role !== 'postmaster') {
      throw new ArchiveError('forbidden', { detail: 'only the owner or the postmaster may export a whole archive' });
    }
    const client = this.deps.clientFor(origin);
    if (target.kind === 'raw') return client.rawUrl(me.address, target.id);
    if (target.kind === 'attachment') return client.attachmentUrl(me.address, target.id, target.index);
    if (target.kind === 'archive-export') return client.archiveExportUrl(target.mailbox);
    return client.exportUrl(me.address, target.folderId);
  }

  async restore(origin: string, id: string) {
    return this.withAccount(origin, (client, me) => client.restore(me.address, id));
  }

  async move(origin: string, id: string, folderId: string, fromFolderId: string) {
    const me = await this.account(origin);
    await this.guard(origin, () => this.deps.clientFor(origin).move(me.address, id, folderId));
    const cache = await this.deps.cache();
    await cache.removeMessages(me.address, [id]);
    await cache.invalidateListing(me.address, folderId);
    this.deps.notify({ origin, account: me.address, scope: 'listing', folderIds: [fromFolderId, folderId] });
  }

  async remove(origin: string, id: string, folderId: string) {
    const me = await this.account(origin);
    await this.guard(origin, () => this.deps.clientFor(origin).remove(me.address, id));
    await (await this.deps.cache()).removeMessages(me.address, [id]);
    this.deps.notify({ origin, account: me.address, scope: 'listing', folderIds: [folderId] });
  }

  async emptyFolder(origin: string, folderId: string) {
    const me = await this.account(origin);
    const result = await this.guard(origin, () => this.deps.clientFor(origin).emptyFolder(me.address, folderId));
    await (await this.deps.cache()).invalidateListing(me.address, folderId);
    this.deps.notify({ origin, account: me.address, scope: 'listing', folderIds: [folderId] });
    return result;
  }

  updateSettings(origin: string, mailbox: string, patch: SettingsPatch) {
    return this.changeStatus(origin, mailbox, (client) => client.updateSettings(mailbox, patch));
  }

  enable(origin: string, mailbox: string) {
    return this.changeStatus(origin, mailbox, (client) => client.enable(mailbox));
  }

  async disable(origin: string, mailbox: string, confirm: string) {
    const status = await this.changeStatus(origin, mailbox, (client) => client.disable(mailbox, confirm));
    const me = await this.account(origin);
    if (me.address === mailbox) await (await this.deps.cache()).clearAccount(me.address);
    return status;
  }

  async clearCache(): Promise<void> {
    await (await this.deps.cache()).clearAll();
  }

  private async changeStatus(origin: string, mailbox: string, call: (client: ArchiveApiClient) => Promise<ArchiveStatus>) {
    const me = await this.account(origin);
    // The provider refuses too (403); the background does not even ask for anyone but the postmaster.
    if (me.role !== 'postmaster') throw new ArchiveError('forbidden', { detail: 'archive settings are reserved to the postmaster' });
    const status = await this.guard(origin, () => call(this.deps.clientFor(origin)));
    const key = `${me.address}|${mailbox}`;
    this.statusChanges.set(key, (this.statusChanges.get(key) ?? 0) + 1);
    await (await this.deps.cache()).putStatus(me.address, mailbox, status);
    if (mailbox === me.address) this.deps.onOwnStatus?.(status);
    this.deps.notify({ origin, account: me.address, scope: 'mailbox', mailbox });
    return status;
  }

  private async withAccount<T>(origin: string, call: (client: ArchiveApiClient, me: Me) => Promise<T>): Promise<T> {
    const me = await this.account(origin);
    return this.guard(origin, () => call(this.deps.clientFor(origin), me));
  }

  /** Stale-while-revalidate that also remembers, per origin, whether the provider could be reached. */
  private revalidate<T>(origin: string, cached: { value: T; fetchedAt: number } | undefined, refresh: () => Promise<T>, budgetMs: number) {
    if (cached && this.now() - cached.fetchedAt < (this.deps.freshForMs ?? 0)) {
      // Just fetched (by the webmail visit's warm-up, or the view a moment ago): asking again would learn nothing.
      return Promise.resolve({
        value: cached.value,
        freshness: { source: 'cache' as const, fetchedAt: cached.fetchedAt, offline: this.unreachable.has(origin), stale: true },
      });
    }
    return staleWhileRevalidate(cached, () => this.tracked(origin, refresh), budgetMs, this.now, this.unreachable.has(origin));
  }

  /** Runs a provider call and remembers whether the provider could be reached; session problems are handled here. */
  private async tracked<T>(origin: string, call: () => Promise<T>, sessionErrors = true): Promise<T> {
    try {
      const value = await call();
      this.markReachable(origin, true);
      return value;
    } catch (error) {
      if (isOfflineError(error)) this.markReachable(origin, false);
      // A refresh that outlived the budget still reports a session problem.
      if (sessionErrors) await this.onSessionError(origin, error);
      throw error;
    }
  }

  private markReachable(origin: string, reachable: boolean): void {
    const wasReachable = !this.unreachable.has(origin);
    if (reachable === wasReachable) return;
    if (reachable) this.unreachable.delete(origin);
    else this.unreachable.add(origin);
    this.deps.notify({ origin, account: null, scope: 'session', offline: !reachable });
  }

  /** A 401 or a 403 anywhere first goes through the session's check; then the caller sees the error. */
  private async guard<T>(origin: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.onSessionError(origin, error);
      throw error;
    }
  }

  /**
   * A 401 means the webmail session is gone: forget the account and its cache. A 403 on what the stored account
   * may read means the cookie may now be another account's: ask the provider again (a changed account drops the
   * old one's cache). Each error is handled once, whether a background refresh or the caller sees it first.
   */
  private async onSessionError(origin: string, error: unknown): Promise<void> {
    if (!(error instanceof ArchiveError) || this.sessionErrorsSeen.has(error)) return;
    if (error.kind !== 'unauthenticated' && error.kind !== 'forbidden') return;
    this.sessionErrorsSeen.add(error);
    if (error.kind === 'unauthenticated') {
      const known = await this.identity(origin);
      if (known) await this.signedOut(origin, known.address);
      return;
    }
    await this.confirm(origin).catch(() => undefined);
  }

  private refreshStatus(origin: string, account: string, mailbox: string, settingsMaxAgeMs = 0) {
    return this.flight.run(`status|${account}|${mailbox}`, async () => {
      const key = `${account}|${mailbox}`;
      const changesBefore = this.statusChanges.get(key) ?? 0;
      const cache = await this.deps.cache();
      const held = await cache.getStatus(account, mailbox);
      // The own status changes with the archive's content (then its version moves) or its settings (a postmaster
      // elsewhere, which no version shows): a copy the caller accepts at the current version is kept, its age untouched.
      if (held?.value.enabled && mailbox === account && this.now() - held.fetchedAt < settingsMaxAgeMs) {
        if ((await this.currentVersion(origin, account)) === held.value.version) {
          this.deps.onOwnStatus?.(held.value);
          return held.value;
        }
      }
      const reply = await this.deps.clientFor(origin).statusIfChanged(mailbox, held?.etag);
      const before = await cache.getStatus(account, mailbox);
      // A change made while this read was on its way is newer than what the read saw: keep the change.
      if (before && (this.statusChanges.get(key) ?? 0) !== changesBefore) return before.value;
      if (!reply.changed) {
        // 304: the held copy is current; only its age is new.
        const current = before ?? held!;
        await cache.putStatus(account, mailbox, current.value, current.etag);
        if (mailbox === account) this.deps.onOwnStatus?.(current.value);
        return current.value;
      }
      const status = reply.value;
      await cache.putStatus(account, mailbox, status, reply.etag);
      if (mailbox === account) this.deps.onOwnStatus?.(status);
      if (before && JSON.stringify(before.value) !== JSON.stringify(status)) {
        this.deps.notify({ origin, account, scope: 'status', mailbox });
      }
      return status;
    });
  }

  private refreshFolders(origin: string, account: string) {
    return this.flight.run(`folders|${account}`, async () => {
      const cache = await this.deps.cache();
      const before = await cache.getFolders(account);
      // The one check a warm reopen makes: when the archive's version is still the held list's, so is the list.
      if (before && (await this.currentVersion(origin, account)) === before.version) {
        await cache.putFolders(account, before, before.etag);
        return { version: before.version, folders: before.folders };
      }
      const reply = await this.deps.clientFor(origin).foldersIfChanged(account, before?.etag);
      if (!reply.changed && before) {
        // 304: the held list is current; only its age is new.
        await cache.putFolders(account, before, before.etag);
        return { version: before.version, folders: before.folders };
      }
      const list = reply.changed ? reply.value : await this.deps.clientFor(origin).folders(account);
      await cache.putFolders(account, list, reply.changed ? reply.etag : null);
      if (before && before.version !== list.version) {
        await this.listings.syncChanges(origin, account);
        this.deps.notify({ origin, account, scope: 'folders' });
      }
      return list;
    });
  }

  /** The archive's current version from the shared `changes?since=` check; null when it cannot tell (the read then asks). */
  private currentVersion(origin: string, account: string): Promise<number | null> {
    return this.syncChanges(origin, account).catch(() => null);
  }

  /** `changes?since=`; its success also proves the session is still the account's (the endpoint is owner-only). */
  private async syncChanges(origin: string, account: string): Promise<number | null> {
    const version = await this.listings.syncChanges(origin, account);
    if (version !== null) this.confirmedAt.set(this.scope.keyOf(origin), this.now());
    return version;
  }

  private networkFreshness() {
    return { source: 'network' as const, fetchedAt: this.now(), offline: false, stale: false };
  }
}
