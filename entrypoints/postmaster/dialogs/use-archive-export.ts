// Starts the .mbox export of a whole archive and follows the browser's download (the shared follower) until it ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ArchiveError, type ArchiveErrorData } from '@/utils/api/errors';
import { watchDownload, type DownloadsApi } from '@/utils/downloads/follow';
import { exportWholeArchive } from '@/entrypoints/postmaster/actions';
import { useBackground } from '@/components/background';

/** Where the "Esporta prima" step of the disable dialog stands. */
export type ArchiveExportPhase =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; receivedBytes: number; totalBytes: number | null }
  /** The browser took the download but gave no id to follow (it continues in the browser's downloads). */
  | { phase: 'handed-over' }
  | { phase: 'complete'; receivedBytes: number; filename: string | null }
  | { phase: 'failed'; error: ArchiveErrorData | null; reason?: string };

function browserDownloads(): DownloadsApi | null {
  return (globalThis as { browser?: { downloads?: DownloadsApi } }).browser?.downloads ?? null;
}

export function useArchiveExport(mailbox: string, downloads: DownloadsApi | null = browserDownloads()) {
  const background = useBackground();
  const [state, setState] = useState<ArchiveExportPhase>({ phase: 'idle' });
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const follow = (id: number) => {
    if (!downloads) {
      setState({ phase: 'handed-over' });
      return;
    }
    stop.current = watchDownload(downloads, id, null, (progress) => {
      if (progress.state === 'in_progress') setState({ phase: 'running', receivedBytes: progress.received, totalBytes: progress.total });
      else if (progress.state === 'complete') setState({ phase: 'complete', receivedBytes: progress.received, filename: progress.filename });
      else setState({ phase: 'failed', error: null, reason: progress.state });
    });
  };

  const start = async () => {
    stop.current?.();
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
