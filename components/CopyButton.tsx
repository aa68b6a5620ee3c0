// A copy-to-clipboard button that shows, and announces, that the copy happened.
/**
 * Props:
 * - `text`     what goes to the clipboard (exactly this string).
 * - `label`    what is being copied, in words ("Server posta in entrata"): the button's accessible name is
 *              "Copia <label>" (unless `children` gives a caption, then the caption is the name) and the
 *              announcement "<label> copiato negli appunti".
 * - `children` the visible caption; default "Copia". While confirmed it reads "Copiato ✓".
 * - `variant`  'icon' (small, beside a value; default) or 'primary' (a full-width action).
 * - `onCopied` called after a successful copy.
 * The confirmation lasts `CONFIRM_MS`; a failed copy says so instead (the user can select the text by hand).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { copyText } from '@/components/clipboard';
import '@/components/common.css';

export const CONFIRM_MS = 2000;

export interface CopyButtonProps {
  text: string;
  label: string;
  children?: ComponentChildren;
  variant?: 'icon' | 'primary';
  onCopied?: () => void;
}

export function CopyButton({ text, label, children, variant = 'icon', onCopied }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    if (ok) onCopied?.();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), ok ? CONFIRM_MS : CONFIRM_MS * 2);
  };

  // The name must contain the words on the button (WCAG 2.5.3): a caption of its own is the whole name, and
  // "Copia" alone gains what it copies (kept while it briefly reads "Copiato ✓", so the button keeps its identity).
  const accessibleName = children === undefined ? t('common_copyLabel', label) : undefined;

  return (
    <span class={`arc-copy arc-copy--${variant}`}>
      <button type="button" class="arc-copy__button" data-state={state} aria-label={accessibleName} onClick={copy}>
        {state === 'copied' ? `${t('common_copied')} ✓` : (children ?? t('common_copy'))}
      </button>
      <span class={state === 'failed' ? 'arc-copy__error' : 'arc-visually-hidden'} role="status" aria-live="polite">
        {state === 'copied' ? t('common_copiedLabel', label) : state === 'failed' ? t('common_copyFailed') : ''}
      </span>
    </span>
  );
}
