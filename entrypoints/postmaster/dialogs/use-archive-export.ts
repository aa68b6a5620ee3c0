// Starts the .mbox export of a whole archive and follows the browser's download until it ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ArchiveError, type ArchiveErrorData } from '@/utils/api/errors';
import { exportWholeArchive } from '@/entrypoints/postmaster/actions';
import { useBackground } from '@/components/background';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; receivedBytes: number; totalBytes: number | null }
  /** The browser took the download but gave no id to follow (it continues in the browser's downloads). */
  | { phase: 'handed-over' }
  | { phase: 'complete'; receivedBytes: number; filename: string | null }
  | { phase: 'failed'; error: ArchiveErrorData | null; reason?: string };

const POLL_MS = 300;

export function useArchiveExport(mailbox: string) {
  const background = useBackground();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = (id: number) => {
    const downloads = (globalThis as { browser?: { downloads?: typeof browser.downloads } }).browser?.downloads;
    if (!downloads) {
      setState({ phase: 'handed-over' });
      return;
    }
    const poll = async () => {
      const [item] = await downloads.search({ id });
      if (!item) {
        setState({ phase: 'failed', error: null, reason: 'missing' });
        return;
      }
      if (item.state === 'complete') {
        setState({
          phase: 'complete',
          receivedBytes: item.bytesReceived,
          filename: item.filename ? (item.filename.split(/[\\/]/).pop() ?? null) : null,
        });
        return;
      }
      if (item.state === 'interrupted') {
        setState({ phase: 'failed', error: null, reason: item.error ?? 'interrupted' });
        return;
      }
      setState({ phase: 'running', receivedBytes: item.bytesReceived, totalBytes: item.totalBytes > 0 ? item.totalBytes : null });
      timer.current = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
  };

  const start = async () => {
    setState({ phase: 'starting' });
    try {
      const id = await exportWholeArchive(background, mailbox);
      if (id === null) setState({ phase: 'handed-over' });
      else follow(id);
    } catch (error) {
      setState({ phase: 'failed', error: error instanceof ArchiveError ? error.toData() : null, reason: String(error) });
    }
  };

  const running = state.phase === 'starting' || state.phase === 'running';
  return { state, start, running };
}
