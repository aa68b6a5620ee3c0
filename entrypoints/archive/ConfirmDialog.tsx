// The archive's confirmation: a message, Cancel (focused first) and the action, with its error and busy state.
import type { ComponentChildren } from 'preact';
import { Dialog } from '@/components/Dialog';
import { t } from '@/utils/i18n';

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
