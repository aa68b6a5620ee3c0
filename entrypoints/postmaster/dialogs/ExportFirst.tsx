// "Esporta prima": the whole archive as .mbox before it is deleted, with the download's progress.
import { formatBytes, formatLocale, formatPercent } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { ArchiveExportPhase } from './use-archive-export';

export function ExportFirst({ state, onStart, disabled }: { state: ArchiveExportPhase; onStart(): void; disabled: boolean }) {
  const locale = formatLocale();
  const running = state.phase === 'starting' || state.phase === 'running';
  return (
    <div class="pm-export" data-export-phase={state.phase}>
      <div class="pm-export-row">
        <button type="button" class="pm-button" onClick={onStart} disabled={disabled || running} aria-describedby="pm-export-hint">
          {state.phase === 'complete' || state.phase === 'failed' ? t('postmaster_exportAgain') : t('postmaster_exportFirst')}
        </button>
        <span id="pm-export-hint" class="pm-muted">
          {t('postmaster_exportHint')}
        </span>
      </div>
      {state.phase === 'running' ? (
        <progress
          class="pm-progress"
          aria-label={t('postmaster_exportProgressLabel')}
          max={state.totalBytes ?? undefined}
          value={state.totalBytes ? state.receivedBytes : undefined}
        />
      ) : state.phase === 'starting' ? (
        <progress class="pm-progress" aria-label={t('postmaster_exportProgressLabel')} />
      ) : null}
      <p class="pm-export-status" role="status" aria-live="polite">
        {state.phase === 'starting'
          ? t('postmaster_exportStarting')
          : state.phase === 'running'
            ? state.totalBytes
              ? t(
                  'postmaster_exportProgress',
                  formatBytes(state.receivedBytes, locale),
                  formatBytes(state.totalBytes, locale),
                  formatPercent(state.receivedBytes / state.totalBytes, locale),
                )
              : t('postmaster_exportProgressUnknown', formatBytes(state.receivedBytes, locale))
            : state.phase === 'complete'
              ? t('postmaster_exportComplete', state.filename ?? 'archivio.mbox', formatBytes(state.receivedBytes, locale))
              : state.phase === 'handed-over'
                ? t('postmaster_exportHandedOver')
                : state.phase === 'failed'
                  ? `${t('postmaster_exportFailed')} ${state.error ? t(state.error.messageKey) : ''}`.trim()
                  : ''}
      </p>
    </div>
  );
}
