// The archive's space: the quota bar, a warning from 80 %, 95 % and when full, days until full, where to add space.
import { QuotaBar } from '@/components/QuotaBar';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { daysUntilFull, quotaLevel, usageRatio } from '@/utils/rules/quota';
import { formatNumber, formatPercent, pluralKey } from '@/utils/format';
import { t } from '@/utils/i18n';
import { httpUrl } from '@/utils/url/http';

/** Beyond a year the estimate says only that: a figure like "41.975 giorni" is noise, not information. */
const YEAR_DAYS = 365;

export function QuotaPanel({ status, locale, upgradeUrl }: { status: ArchiveStatus; locale: string; upgradeUrl: string }) {
  const level = quotaLevel(status);
  const percent = formatPercent(usageRatio(status) ?? 0, locale);
  const days = level === 'full' ? null : daysUntilFull(status, status.growth);
  const warning =
    level === 'full'
      ? t('popup_quota_full')
      : level === 'critical'
        ? t('popup_quota_critical', percent)
        : level === 'warning'
          ? t('popup_quota_warning', percent)
          : null;
  return (
    <section class="pp-section" aria-labelledby="pp-quota-heading">
      <h2 id="pp-quota-heading" class="pp-heading">
        {t('popup_quota_heading')}
      </h2>
      <QuotaBar usedBytes={status.usedBytes} quotaBytes={status.quotaBytes} full={status.full} locale={locale} />
      {warning ? (
        <p
          class={`pp-note pp-note--${level === 'warning' ? 'warning' : 'critical'}`}
          role={level === 'warning' ? undefined : 'alert'}
          data-quota-warning={level}
        >
          {warning}
        </p>
      ) : null}
      {days !== null && days > 0 ? (
        <p class="pp-muted" data-days-until-full={days}>
          {days > YEAR_DAYS
            ? t('popup_quota_daysUntilFull_long', status.growth.windowDays)
            : t(pluralKey('popup_quota_daysUntilFull', days, locale), formatNumber(days, locale), status.growth.windowDays)}
        </p>
      ) : null}
      {level === 'warning' || level === 'critical' || level === 'full' ? (
        <p class="pp-link-row">
          <a href={httpUrl(status.upgradeUrl, upgradeUrl)} target="_blank" rel="noopener noreferrer">
            {t('popup_quota_upgrade')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
