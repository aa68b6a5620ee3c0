// The archive's space for one mailbox: used / limit, the plan's name and where to buy more.
import { QuotaBar } from '@/components/QuotaBar';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { formatLocale, formatNumber } from '@/utils/format';
import { t } from '@/utils/i18n';
import { activeProfile } from '@/utils/providers/active';
import { httpUrl } from '@/utils/url/http';

export function QuotaSummary({ status }: { status: ArchiveStatus }) {
  const locale = formatLocale();
  const planName = status.planName || activeProfile.plans[status.plan];
  return (
    <section class="pm-card" aria-labelledby="pm-quota-title">
      <h3 id="pm-quota-title" class="pm-card-title">
        {t('postmaster_quotaTitle')}
      </h3>
      <QuotaBar usedBytes={status.usedBytes} quotaBytes={status.quotaBytes} full={status.full} locale={locale} label={t('postmaster_quotaUsed')} />
      <p class="pm-muted" data-message-count={status.messageCount}>
        {t('postmaster_quotaMessages', formatNumber(status.messageCount, locale))}
      </p>
      <p class="pm-plan">
        <span>
          {t('postmaster_quotaPlan')} <strong data-plan={status.plan}>{planName}</strong>
        </span>
        {status.plan === 'unlimited' ? null : (
          <a href={httpUrl(status.upgradeUrl, activeProfile.upgradeUrl)} target="_blank" rel="noopener noreferrer">
            {t('postmaster_quotaUpgrade')}
          </a>
        )}
      </p>
    </section>
  );
}
