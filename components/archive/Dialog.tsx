// A modal dialog: labelled, focus moved in and kept in, Esc cancels, focus returns where it was.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface DialogProps {
  title: string;
  children: ComponentChildren;
  onClose(): void;
  /** Element to focus first (defaults to the first focusable one). */
  initialFocus?: string;
  role?: 'dialog' | 'alertdialog';
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, children, onClose, initialFocus, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = ref.current;
    const first = (initialFocus ? box?.querySelector<HTMLElement>(initialFocus) : null) ?? box?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={ref} class="dialog" role={role} aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} onKeyDown={onKeyDown}>
        <h2 id={titleId} class="dialog-title">{title}</h2>
        <div id={bodyId} class="dialog-body">{children}</div>
      </div>
    </div>
  );
}

export interface ConfirmDialogProps {
  title: string;
  message: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog title={props.title} onClose={props.onCancel} role="alertdialog" initialFocus=".dialog-cancel">
      <p>{props.message}</p>
      {props.error && <p class="dialog-error" role="alert">{props.error}</p>}
      <div class="dialog-actions">
        <button type="button" class="button dialog-cancel" onClick={props.onCancel}>{t('archive_cancel')}</button>
        <button type="button" class={`button ${props.danger ? 'button-danger' : 'button-primary'}`} data-action="confirm" disabled={props.busy} onClick={props.onConfirm}>
          {props.busy ? t('archive_working') : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
