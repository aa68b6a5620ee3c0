// The popup's data: the own archive status (cache first, then fresh), who is signed in, and live change events.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveStatus, Me } from '@/utils/api/schemas';
import type { ChangeEvent } from '@/utils/rpc/events';
import type { Freshness } from '@/utils/rpc/fresh';
import type { SignInPlace } from '@/utils/rpc/replies';
import { useBackground } from '@/components/background';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  /** The archive's API is apart from the webmail: the user signs in once in the Archivio view. */
  | { kind: 'signInArchive' }
  | { kind: 'offline' }
  | { kind: 'error'; messageKey: string }
  | { kind: 'ready'; status: ArchiveStatus; freshness: Freshness };

/** A cached answer given while the refresh was still running is asked again once, after this delay. */
const RECHECK_MS = 1500;

export function usePopupState() {
  const background = useBackground();
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [me, setMe] = useState<Me | null>(null);
  const address = useRef<string | null>(null);
  const recheck = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const signInAt = useRef<SignInPlace>('webmail');
  const signedOut = (): PopupState => ({ kind: signInAt.current === 'archive' ? 'signInArchive' : 'signedOut' });

  const load = useCallback(async () => {
    try {
      const reply = await background.call('status.get', {});
      address.current = reply.value.address;
      setState({ kind: 'ready', status: reply.value, freshness: reply.freshness });
      clearTimeout(recheck.current);
      if (reply.freshness.source === 'cache' && !reply.freshness.offline && !reply.freshness.error) {
        recheck.current = setTimeout(() => void load(), RECHECK_MS);
      }
    } catch (error) {
      const kind = error instanceof ArchiveError ? error.kind : 'server';
      if (kind === 'unauthenticated' || kind === 'no_webmail') setState(signedOut());
      else if (kind === 'network' || kind === 'timeout') setState({ kind: 'offline' });
      else setState({ kind: 'error', messageKey: `error_${kind}` });
    }
  }, [background]);

  const loadSession = useCallback(async () => {
    try {
      const session = await background.call('session.get', {});
      signInAt.current = session.signInAt;
      setMe(session.me);
      if (!session.me && !session.offline) setState(signedOut());
    } catch {
      // The status request reports what went wrong.
    }
  }, [background]);

  useEffect(() => {
    void load();
    void loadSession();
    const unsubscribe = background.onChange((message) => {
      if (!concernsOwnArchive(message, address.current)) return;
      if (message.scope === 'session') void loadSession();
      void load();
    });
    return () => {
      unsubscribe();
      clearTimeout(recheck.current);
    };
  }, [background, load, loadSession]);

  /** After a change made from the popup (e.g. IMAP turned on), show the provider's answer at once. */
  const replaceStatus = useCallback((status: ArchiveStatus) => {
    setState((previous) => ({
      kind: 'ready',
      status,
      freshness:
        previous.kind === 'ready'
          ? { ...previous.freshness, source: 'network', fetchedAt: Date.now(), offline: false, stale: false }
          : { source: 'network', fetchedAt: Date.now(), offline: false, stale: false },
    }));
  }, []);

  return { state, me, reload: load, replaceStatus };
}

export function concernsOwnArchive(event: ChangeEvent, address: string | null): boolean {
  if (event.scope === 'session') return true;
  if (event.scope !== 'status' && event.scope !== 'mailbox') return false;
  if (address === null) return true;
  return event.mailbox === undefined ? event.account === address : event.mailbox === address;
}
