// "Esporta .mbox": the browser streams the folder to disk; this shows how far it got and lets the user cancel.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatBytes, formatLocale, formatPercent } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { BackgroundClient } from '@/utils/rpc/client';
import { errorText } from '@/entrypoints/archive/errors';
import { watchDownload, type DownloadsApi, type DownloadProgress } from '@/utils/downloads/follow';

export interface ExportJob {
  folderId: string;
  label: string;
  downloadId: number | null;
  progress: DownloadProgress | null;
}

export function useExport(api: BackgroundClient, downloads: DownloadsApi | null, notify: (kind: 'success' | 'info' | 'error', text: string) => void) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const stop = useRef<(() => void) | null>(null);
  // The browser names the download only once the provider starts answering; a cancel asked before waits for it.
  const runs = useRef({ current: 0, cancelled: new Set<number>() });
  useEffect(() => () => stop.current?.(), []);

  const start = async (folderId: string, label: string, expectedBytes: number) => {
    stop.current?.();
    const run = ++runs.current.current;
    setJob({ folderId, label, downloadId: null, progress: null });
    try {
      const { downloadId } = await api.call('download', { target: { kind: 'export', folderId } });
      if (runs.current.cancelled.has(run)) {
        if (downloadId !== null) await downloads?.cancel(downloadId).catch(() => undefined);
        return;
      }
      if (downloadId === null || !downloads) {
        setJob(null);
        notify('info', t('archive_export_started', label));
        return;
      }
      setJob({ folderId, label, downloadId, progress: null });
      stop.current = watchDownload(downloads, downloadId, expectedBytes, (progress) => {
        setJob((current) => (current && current.downloadId === downloadId ? { ...current, progress } : current));
        if (progress.state === 'in_progress') return;
        setJob(null);
        if (progress.state === 'complete') notify('success', t('archive_export_done', label));
        else if (progress.state === 'cancelled') notify('info', t('archive_export_cancelled'));
        else notify('error', t('archive_export_failed'));
      });
    } catch (error) {
      if (runs.current.cancelled.has(run)) return;
      setJob(null);
      notify('error', errorText(error));
    }
  };

  const cancel = async () => {
    if (!job || !downloads) return;
    if (job.downloadId === null) {
      runs.current.cancelled.add(runs.current.current);
      setJob(null);
      notify('info', t('archive_export_cancelled'));
      return;
    }
    try {
      await downloads.cancel(job.downloadId);
    } catch {
      // Already finished: the watcher reports how it ended.
    }
  };

  return { job, start, cancel };
}

export function ExportBar({ job, onCancel }: { job: ExportJob; onCancel(): void }) {
  const locale = formatLocale();
  const progress = job.progress;
  const ratio = progress?.ratio ?? null;
  const detail = progress
    ? progress.total
      ? t('archive_export_bytes_of', formatBytes(progress.received, locale), formatBytes(progress.total, locale))
      : formatBytes(progress.received, locale)
    : t('archive_export_preparing');
  return (
    <div class="export-bar" data-export-folder={job.folderId}>
      <span class="export-label" id="export-label">
        {t('archive_export_running', job.label)}
      </span>
      <div
        class="progress"
        role="progressbar"
        aria-labelledby="export-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={ratio === null ? undefined : Math.round(ratio * 100)}
        aria-valuetext={ratio === null ? detail : `${formatPercent(ratio, locale)} – ${detail}`}
      >
        <div class={`progress-fill${ratio === null ? ' indeterminate' : ''}`} style={{ width: ratio === null ? '30%' : `${ratio * 100}%` }} />
      </div>
      <span class="export-detail" aria-hidden="true">
        {ratio === null ? detail : `${formatPercent(ratio, locale)} · ${detail}`}
      </span>
      <button type="button" class="button button-ghost" data-action="cancel-export" onClick={onCancel}>
        {t('archive_export_cancel')}
      </button>
    </div>
  );
}
