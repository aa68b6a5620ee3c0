// The one modal dialog of every page: labelled and described, focus moved in and kept in, Escape and the backdrop
// cancel unless an operation runs, focus back where it was. Each page styles `.dialog*` with its own colours.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useModal } from './use-modal';

export interface DialogProps {
  title: string;
  children: ComponentChildren;
  onClose(): void;
  /** `alertdialog` for destructive confirmations. */
  role?: 'dialog' | 'alertdialog';
  tone?: 'normal' | 'danger';
  /** Closing is refused while an operation runs (its outcome must be seen). */
  busy?: boolean;
  /** Element to focus first (defaults to `[data-autofocus]`, then the first focusable one). */
  initialFocus?: string;
  /** The id of what describes the dialog; by default the whole body does. */
  describedBy?: string;
  wide?: boolean;
}

export function Dialog(props: DialogProps) {
  const { title, children, onClose, role = 'dialog', tone = 'normal', busy = false, initialFocus, describedBy, wide = false } = props;
  const titleId = useId();
  const bodyId = useId();
  const { box, onKeyDown, onBackdropMouseDown } = useModal({ onClose, initialFocus, closable: !busy });
  const classes = ['dialog', tone === 'danger' ? 'dialog-danger' : '', wide ? 'dialog-wide' : ''].filter(Boolean).join(' ');

  return (
    <div class="dialog-backdrop" onMouseDown={onBackdropMouseDown}>
      <div
        ref={box}
        class={classes}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy ?? bodyId}
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
