// One labelled setting value, selectable as text, with a copy button beside it.
/**
 * Props:
 * - `label`    the setting's name ("Porta"); also names the copy button ("Copia Porta").
 * - `value`    the exact value shown and copied ("993").
 * - `copyable` false for explanatory values that are not typed into a client (no button); default true.
 * - `name`     optional stable id, written as `data-field` (tests and styling).
 * Renders a row of a description list: wrap several in <dl class="arc-fields">.
 */
import { CopyButton } from '@/components/CopyButton';
import '@/components/common.css';

export interface CopyFieldProps {
  label: string;
  value: string;
  copyable?: boolean;
  name?: string;
}

/** Lets a long address wrap before its "@" rather than at an arbitrary letter; the text itself is unchanged. */
function breakable(value: string) {
  const at = value.indexOf('@');
  return at > 0 ? [value.slice(0, at), <wbr key="wbr" />, value.slice(at)] : value;
}

export function CopyField({ label, value, copyable = true, name }: CopyFieldProps) {
  return (
    <div class="arc-field" data-field={name}>
      <dt class="arc-field__label">{label}</dt>
      <dd class="arc-field__value">
        <span class={copyable ? 'arc-field__text arc-field__text--code' : 'arc-field__text'}>{breakable(value)}</span>
        {copyable ? <CopyButton text={value} label={label} /> : null}
      </dd>
    </div>
  );
}
