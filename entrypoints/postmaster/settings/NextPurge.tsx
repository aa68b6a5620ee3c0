// When the retention setting will next delete archived messages (the provider's window, in the user's dates).
import type { ArchiveStatus } from '@/utils/api/schemas';
import { formatDateWithArticle, formatLocale, formatNumber, pluralKey } from '@/utils/format';
import { t } from '@/utils/i18n';

export function nextPurgeText(status: Pick<ArchiveStatus, 'retentionMonths' | 'nextPurge'>, locale = formatLocale()): string {
  if (status.retentionMonths === null) return t('postmaster_purgeNever');
  const next = status.nextPurge;
  if (!next || next.count === 0) return t('postmaster_purgeNone');
  return t(
    pluralKey('postmaster_purgeWindow', next.count, locale),
    formatNumber(next.count, locale),
    formatDateWithArticle(next.dueFrom, locale),
    formatDateWithArticle(next.dueTo, locale),
  );
}

export function NextPurge({ status }: { status: ArchiveStatus }) {
  return (
    <div class="pm-setting pm-setting-info" data-next-purge>
      <div class="pm-setting-text">
        <span class="pm-setting-label">{t('postmaster_purgeTitle')}</span>
        <div class="pm-setting-desc">{nextPurgeText(status)}</div>
      </div>
    </div>
  );
}
