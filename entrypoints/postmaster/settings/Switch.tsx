// An on/off selector (role="switch") in the provider's colours: green when on, red when off.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange(next: boolean): void;
  /** What the current state means, e.g. "Sola lettura" for a write switch that is off. */
  stateText?: string;
  description?: ComponentChildren;
  busy?: boolean;
  disabled?: boolean;
}

export function Switch({ label, checked, onChange, stateText, description, busy = false, disabled = false }: SwitchProps) {
  const id = useId();
  return (
    <div class="pm-setting">
      <div class="pm-setting-text">
        <span id={`${id}-label`} class="pm-setting-label">
          {label}
        </span>
        {description ? (
          <div id={`${id}-desc`} class="pm-setting-desc">
            {description}
          </div>
        ) : null}
      </div>
      <button
        type="button"
        role="switch"
        class="pm-switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-desc` : undefined}
        aria-busy={busy}
        disabled={disabled || busy}
        onClick={() => onChange(!checked)}
      >
        <span class="pm-switch-track" aria-hidden="true">
          <span class="pm-switch-thumb" />
        </span>
        <span class="pm-switch-state">{stateText ?? (checked ? t('postmaster_switchOn') : t('postmaster_switchOff'))}</span>
      </button>
    </div>
  );
}
