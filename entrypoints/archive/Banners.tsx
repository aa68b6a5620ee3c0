// Conditions worth a line above the archive: full (upgrade), offline or stale (from when), read-only (why).
import type { ArchiveStatus } from '@/utils/api/schemas';
import type { Freshness } from '@/utils/rpc/fresh';
import { formatDateTime, formatLocale } from '@/utils/format';
import { t } from '@/utils/i18n';
import { errorText } from './errors';
import { httpUrl } from '@/utils/url/http';

export interface BannersProps {
  status: ArchiveStatus;
  /** The least fresh of what is on screen (folders, listing). */
  freshness: Freshness | null;
  upgradeUrl: string;
  onRetry(): void;
}

export function Banners({ status, freshness, upgradeUrl, onRetry }: BannersProps) {
  const locale = formatLocale();
  const stale = freshness && (freshness.offline || freshness.error);
  return (
    <div class="banners">
      {status.full && (
        <div class="banner banner-warning" role="alert" data-banner="full">
          <span>{t('archive_full_text')}</span>
          <a class="button button-primary" href={httpUrl(status.upgradeUrl, upgradeUrl)} target="_blank" rel="noopener noreferrer">
            {t('archive_full_upgrade')}
          </a>
        </div>
      )}
      {stale && (
        <div class="banner banner-info" role="status" data-banner={freshness.offline ? 'offline' : 'stale'}>
          <span>
            {freshness.offline
              ? t('archive_offline_banner', formatDateTime(freshness.fetchedAt, locale))
              : t('archive_stale_banner', formatDateTime(freshness.fetchedAt, locale), errorText(freshness.error))}
          </span>
          <button type="button" class="button" data-action="retry" onClick={onRetry}>
            {t('archive_retry')}
          </button>
        </div>
      )}
    </div>
  );
}

export function ModeNote({ writable }: { writable: boolean }) {
  return (
    <div class={`mode-note ${writable ? 'mode-write' : 'mode-read'}`} data-mode={writable ? 'write' : 'read-only'}>
      <strong>{writable ? t('archive_mode_write') : t('archive_mode_read_only')}</strong>
      <span>{writable ? t('archive_mode_write_text') : t('archive_mode_read_only_text')}</span>
    </div>
  );
}
