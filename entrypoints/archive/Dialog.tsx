// A modal dialog: labelled, focus moved in and kept in, Esc cancels, focus returns where it was.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { useModal } from '@/components/use-modal';

export interface DialogProps {
  title: string;
  children: ComponentChildren;
  onClose(): void;
  /** Element to focus first (defaults to the first focusable one). */
  initialFocus?: string;
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({ title, children, onClose, initialFocus, role = 'dialog' }: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const { box, onKeyDown, onBackdropMouseDown } = useModal({ onClose, initialFocus });

  return (
    <div class="dialog-backdrop" onMouseDown={onBackdropMouseDown}>
      <div
        ref={box}
        class="dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} class="dialog-title">
          {title}
        </h2>
        <div id={bodyId} class="dialog-body">
          {children}
        </div>
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
      {props.error && (
        <p class="dialog-error" role="alert">
          {props.error}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" class="button dialog-cancel" onClick={props.onCancel}>
          {t('archive_cancel')}
        </button>
        <button
          type="button"
          class={`button ${props.danger ? 'button-danger' : 'button-primary'}`}
          data-action="confirm"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.busy ? t('archive_working') : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
