// The archive's space: a bar (a meter for assistive technology) and "used of limit · percent" in binary units.
/**
 * Props:
 * - `usedBytes`, `quotaBytes` (null = unlimited plan), `full` (the provider's own "full" flag).
 * - `locale`   number format, e.g. from `formatLocale()`; default the user's.
 * - `label`    visible caption (default "Spazio usato"); `compact` hides it (e.g. in a table cell, where the
 *              column header names it) but keeps it as the meter's accessible name.
 * The root carries `data-level` = ok | warning (≥ 80 %) | critical (≥ 95 %) | full | unlimited, which sets the
 * colour; the text says the same thing in words, so colour is never the only signal. An unlimited plan has no
 * bar (and no meter role): only "<used> usati · spazio illimitato".
 */
import { quotaLevel, usageRatio } from '@/utils/rules/quota';
import { formatBytes, formatLocale, formatPercent } from '@/utils/format';
import { t } from '@/utils/i18n';
import '@/components/common.css';

export interface QuotaBarProps {
  usedBytes: number;
  quotaBytes: number | null;
  full?: boolean;
  locale?: string;
  label?: string;
  compact?: boolean;
}

export function quotaSummary({ usedBytes, quotaBytes, full, locale = formatLocale() }: Omit<QuotaBarProps, 'label' | 'compact'>): string {
  const used = formatBytes(usedBytes, locale);
  if (quotaBytes === null) return t('common_quota_unlimited', used);
  const ratio = usageRatio({ usedBytes, quotaBytes, full }) ?? 0;
  const percent = full ? t('common_quota_full') : formatPercent(ratio, locale);
  return `${t('common_quota_usedOf', used, formatBytes(quotaBytes, locale))} · ${percent}`;
}

export function QuotaBar({ usedBytes, quotaBytes, full = false, locale = formatLocale(), label, compact = false }: QuotaBarProps) {
  const level = quotaLevel({ usedBytes, quotaBytes, full });
  const ratio = usageRatio({ usedBytes, quotaBytes, full });
  const caption = label ?? t('common_quota_label');
  const summary = quotaSummary({ usedBytes, quotaBytes, full, locale });
  const shown = level === 'full' ? 1 : (ratio ?? 0);
  return (
    <div class={compact ? 'arc-quota arc-quota--compact' : 'arc-quota'} data-level={level}>
      {compact ? null : (
        <div class="arc-quota__caption">
          <span class="arc-quota__label">{caption}</span>
          <span class="arc-quota__summary">{summary}</span>
        </div>
      )}
      {ratio === null ? null : (
        <div
          class="arc-quota__track"
          role="meter"
          aria-label={caption}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(shown * 100)}
          aria-valuetext={summary}
        >
          <div class="arc-quota__fill" style={{ width: `${Math.max(shown * 100, shown > 0 ? 1 : 0)}%` }} />
        </div>
      )}
      {compact ? <span class="arc-quota__summary">{summary}</span> : null}
    </div>
  );
}
