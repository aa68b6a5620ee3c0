// Who is signed in, the archive's status and folders, kept fresh: loads, reacts to change events, rechecks status.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveStatus, FolderList, Me } from '@/utils/api/schemas';
import type { ChangeEvent } from '@/utils/rpc/events';
import type { Fresh } from '@/utils/rpc/fresh';
import type { SessionInfo } from '@/utils/rpc/replies';
import type { BackgroundClient } from '@/utils/rpc/client';
import { errorKind, isOffline } from './errors';

export type Phase =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  /** The archive's API is apart from the webmail and has its own sign-in; `hint` is the address the page shows. */
  | { kind: 'signIn'; hint: string | null }
  | { kind: 'off' }
  | { kind: 'offline' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready' };

export interface ArchiveState {
  phase: Phase;
  origin: string | null;
  me: Me | null;
  status: Fresh<ArchiveStatus> | null;
  folders: Fresh<FolderList> | null;
  /** Bumped on every listing change: `changedFolders` says which (undefined = all). */
  listingRevision: number;
  changedFolders: string[] | undefined;
}

const INITIAL: ArchiveState = {
  phase: { kind: 'loading' },
  origin: null,
  me: null,
  status: null,
  folders: null,
  listingRevision: 0,
  changedFolders: undefined,
};

export function phaseOfError(error: unknown): Phase {
  const kind = errorKind(error);
  if (kind === 'unauthenticated' || kind === 'no_webmail') return { kind: 'signedOut' };
  if (kind === 'archive_disabled') return { kind: 'off' };
  if (isOffline(error)) return { kind: 'offline' };
  return { kind: 'error', error };
}

function signedOutPhase(session: SessionInfo): Phase {
  if (session.offline) return { kind: 'offline' };
  return session.signInAt === 'archive' ? { kind: 'signIn', hint: session.accountHint ?? null } : { kind: 'signedOut' };
}

/** How often the status is asked again while the page is visible (the postmaster may change it elsewhere). */
export const STATUS_RECHECK_MS = 60_000;

export function useArchive(api: BackgroundClient) {
  const [state, setState] = useState<ArchiveState>(INITIAL);
  const live = useRef(state);
  live.current = state;
  /** Where this archive is signed in to (from the last `session.get`): an ended session leads back there. */
  const signInAt = useRef<Pick<SessionInfo, 'signInAt' | 'accountHint'>>({ signInAt: 'webmail' });
  const phaseAfter = (error: unknown): Phase => {
    const next = phaseOfError(error);
    if (next.kind !== 'signedOut' || signInAt.current.signInAt !== 'archive') return next;
    return { kind: 'signIn', hint: signInAt.current.accountHint ?? live.current.me?.address ?? null };
  };
  const patch = (change: Partial<ArchiveState>) => setState((current) => ({ ...current, ...change }));

  const load = useCallback(async () => {
    patch({ phase: { kind: 'loading' } });
    try {
      const session = await api.call('session.get', {});
      signInAt.current = { signInAt: session.signInAt, accountHint: session.accountHint };
      if (!session.me) return patch({ phase: signedOutPhase(session), origin: session.origin, me: null });
      patch({ origin: session.origin, me: session.me });
      // Asked together: both answer from the cache at once when it holds them.
      const foldersCall = api.call('folders.list', {});
      foldersCall.catch(() => undefined);
      const status = await api.call('status.get', { settingsMaxAgeMs: STATUS_RECHECK_MS });
      if (!status.value.enabled) return patch({ phase: { kind: 'off' }, status });
      patch({ phase: { kind: 'ready' }, status, folders: await foldersCall });
    } catch (error) {
      patch({ phase: phaseAfter(error) });
    }
  }, [api]);

  /**
   * A refresh behind a shown workspace failed. Only an answer that ends the session or the archive replaces what the
   * user is looking at (an open message, a search); a slow or failing provider leaves it on screen.
   */
  const settleRefreshError = (error: unknown) => {
    if (isOffline(error)) return;
    const next = phaseAfter(error);
    if (live.current.phase.kind !== 'ready' || next.kind === 'signedOut' || next.kind === 'signIn' || next.kind === 'off') patch({ phase: next });
  };

  const reloadStatus = useCallback(async () => {
    try {
      const status = await api.call('status.get', { settingsMaxAgeMs: STATUS_RECHECK_MS });
      patch(status.value.enabled ? { status } : { status, phase: { kind: 'off' } });
    } catch (error) {
      settleRefreshError(error);
    }
  }, [api]);

  const reloadFolders = useCallback(async () => {
    try {
      patch({ folders: await api.call('folders.list', {}) });
    } catch (error) {
      settleRefreshError(error);
    }
  }, [api]);

  const listingChanged = useCallback((folderIds?: string[]) => {
    setState((current) => ({ ...current, listingRevision: current.listingRevision + 1, changedFolders: folderIds }));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const onEvent = (event: ChangeEvent) => {
      const { origin, me, phase } = live.current;
      if (origin && event.origin !== origin) return;
      if (event.account && me && event.account !== me.address) return;
      if (event.scope === 'session') {
        // Signed in or out, or the provider became (un)reachable: start over, quietly when it is just the network or
        // the provider confirming the account already shown (that confirmation can arrive after the user's first click).
        const sameAccount = event.account !== null && event.account === me?.address;
        if (phase.kind !== 'ready' || (event.offline === undefined && !sameAccount)) void load();
        else void Promise.all([reloadStatus(), reloadFolders()]).then(() => !event.offline && listingChanged());
        return;
      }
      if (event.scope === 'status' || (event.scope === 'mailbox' && (!event.mailbox || event.mailbox === me?.address))) {
        if (phase.kind === 'off') void load();
        else void reloadStatus();
      } else if (event.scope === 'folders') void reloadFolders();
      else if (event.scope === 'listing') {
        listingChanged(event.folderIds);
        void reloadFolders();
      }
    };
    return api.onChange(onEvent);
  }, [api, load, reloadStatus, reloadFolders, listingChanged]);

  useEffect(() => {
    const recheck = () => {
      // Coming back to the archive also brings the folders up to date: mail that arrived meanwhile, even in a month the
      // tree did not have yet, shows without a reload (the background asks the provider for changes only).
      if (document.visibilityState === 'visible' && live.current.phase.kind === 'ready') void Promise.all([reloadStatus(), reloadFolders()]);
    };
    const timer = setInterval(recheck, STATUS_RECHECK_MS);
    window.addEventListener('focus', recheck);
    document.addEventListener('visibilitychange', recheck);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', recheck);
      document.removeEventListener('visibilitychange', recheck);
    };
  }, [reloadStatus, reloadFolders]);

  return { state, load, reloadStatus, reloadFolders, listingChanged };
}
