// A mailbox's archive status for the postmaster's views, refreshed whenever the background says it changed.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ArchiveError, type ArchiveErrorData } from '@/utils/api/errors';
import type { ArchiveStatus } from '@/utils/api/schemas';
import type { Freshness } from '@/utils/rpc/fresh';
import { useBackground } from '@/components/background';

export interface MailboxStatusState {
  status: ArchiveStatus | null;
  freshness: Freshness | null;
  error: ArchiveErrorData | null;
  loading: boolean;
}

export function useMailboxStatus(mailbox: string) {
  const background = useBackground();
  const [state, setState] = useState<MailboxStatusState>({ status: null, freshness: null, error: null, loading: true });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    try {
      const fresh = await background.call('status.get', { mailbox });
      if (call === latest.current) setState({ status: fresh.value, freshness: fresh.freshness, error: null, loading: false });
    } catch (error) {
      const data = ArchiveError.from(error).toData();
      if (call === latest.current) setState((previous) => ({ ...previous, error: data, loading: false }));
    }
  }, [background, mailbox]);

  /** A reply of a change the view made itself is the newest status there is. */
  const apply = useCallback((status: ArchiveStatus) => {
    latest.current++;
    setState({ status, freshness: null, error: null, loading: false });
  }, []);

  useEffect(() => {
    void reload();
    return background.onChange((message) => {
      const mine = message.mailbox === undefined || message.mailbox.toLowerCase() === mailbox.toLowerCase();
      if (message.scope === 'session' || ((message.scope === 'mailbox' || message.scope === 'status') && mine)) void reload();
    });
  }, [background, mailbox, reload]);

  return { ...state, reload, apply };
}
