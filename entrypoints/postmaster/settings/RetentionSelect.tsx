// "Impostazioni di cancellazione": never, or after 6…48 months, with the provider's ±2–3 days caveat.
import { useId } from 'preact/hooks';
import { RETENTION_MONTHS, isRetentionMonths, type RetentionMonths } from '@/utils/rules/retention';
import { t } from '@/utils/i18n';

const NEVER = 'never';

export function retentionLabel(months: RetentionMonths | null): string {
  return months === null ? t('postmaster_retentionNever') : t('postmaster_retentionMonths', months);
}

export interface RetentionSelectProps {
  value: RetentionMonths | null;
  onChange(months: RetentionMonths | null): void;
  disabled?: boolean;
  busy?: boolean;
  /** Shown above the select; the default is the provider's own wording. */
  label?: string;
  showNote?: boolean;
}

export function RetentionSelect({ value, onChange, disabled = false, busy = false, label, showNote = true }: RetentionSelectProps) {
  const id = useId();
  return (
    <div class="pm-setting pm-setting-select">
      <div class="pm-setting-text">
        <label for={`${id}-select`} class="pm-setting-label">
          {label ?? t('postmaster_retentionLabel')}
        </label>
        {showNote ? (
          <div id={`${id}-note`} class="pm-setting-desc">
            {t('postmaster_retentionNote')}
          </div>
        ) : null}
      </div>
      <select
        id={`${id}-select`}
        class="pm-select"
        value={value === null ? NEVER : String(value)}
        disabled={disabled || busy}
        aria-busy={busy}
        aria-describedby={showNote ? `${id}-note` : undefined}
        onChange={(event) => {
          const raw = (event.currentTarget as HTMLSelectElement).value;
          const months = raw === NEVER ? null : Number(raw);
          if (months === null || isRetentionMonths(months)) onChange(months);
        }}
      >
        <option value={NEVER}>{retentionLabel(null)}</option>
        {RETENTION_MONTHS.map((months) => (
          <option key={months} value={String(months)}>
            {retentionLabel(months)}
          </option>
        ))}
      </select>
    </div>
  );
}
