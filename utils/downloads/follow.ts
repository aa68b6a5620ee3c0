// Follows a download the browser is writing to disk (an .mbox export streamed by the provider): progress and end.
// The one follower of every view that starts an export (the archive's folder export, the postmaster's whole archive).

export interface DownloadItemLike {
  id: number;
  state: string;
  bytesReceived: number;
  totalBytes: number;
  error?: string;
  filename?: string;
}

export interface DownloadsApi {
  search(query: { id: number }): Promise<DownloadItemLike[]>;
  cancel(id: number): Promise<void>;
  onChanged?: {
    addListener(listener: (delta: { id: number }) => void): void;
    removeListener(listener: (delta: { id: number }) => void): void;
  };
}

export type DownloadState = 'in_progress' | 'complete' | 'interrupted' | 'cancelled';

export interface DownloadProgress {
  state: DownloadState;
  received: number;
  /** The size to expect: the browser's when the server sent one, else the folder's size from the provider. */
  total: number | null;
  /** 0..1, or null when nothing tells how big the export is. */
  ratio: number | null;
  /** The file's name (no folder), once the browser has chosen it. */
  filename: string | null;
}

/**
 * An export is streamed without a length, so the folder's byte count stands in for it; the mbox is a little
 * larger (separator lines), so an estimate never reaches 100 % before the browser says it is complete.
 */
export function progressOf(item: DownloadItemLike, expectedBytes: number | null): DownloadProgress {
  const known = item.totalBytes > 0 ? item.totalBytes : null;
  const total = known ?? (expectedBytes && expectedBytes > 0 ? expectedBytes : null);
  const state: DownloadState =
    item.state === 'complete'
      ? 'complete'
      : item.state === 'interrupted'
        ? item.error === 'USER_CANCELED'
          ? 'cancelled'
          : 'interrupted'
        : 'in_progress';
  let ratio = total ? Math.min(1, item.bytesReceived / total) : null;
  if (state === 'complete') ratio = 1;
  else if (ratio !== null && !known) ratio = Math.min(ratio, 0.99);
  const filename = item.filename ? (item.filename.split(/[\\/]/).pop() ?? null) : null;
  return { state, received: item.bytesReceived, total, ratio, filename };
}

/** Polls the download (the browser reports no byte progress events) until it ends; returns a stop function. */
export function watchDownload(
  downloads: DownloadsApi,
  id: number,
  expectedBytes: number | null,
  onProgress: (progress: DownloadProgress) => void,
  intervalMs = 400,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    clearTimeout(timer);
    if (stopped) return;
    try {
      const [item] = await downloads.search({ id });
      if (stopped) return;
      if (!item) {
        // Erased from the browser's list (or never there): it will not end by itself.
        onProgress({ state: 'interrupted', received: 0, total: null, ratio: null, filename: null });
        return stop();
      }
      const progress = progressOf(item, expectedBytes);
      onProgress(progress);
      if (progress.state !== 'in_progress') return stop();
    } catch {
      // A failed look-up is retried at the next tick.
    }
    if (!stopped) timer = setTimeout(check, intervalMs);
  };
  const onChanged = (delta: { id: number }) => {
    if (delta.id === id) void check();
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    downloads.onChanged?.removeListener(onChanged);
  };
  downloads.onChanged?.addListener(onChanged);
  void check();
  return stop;
}
