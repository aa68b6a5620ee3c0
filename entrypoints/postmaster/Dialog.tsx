// A modal dialog filling its frame: labelled, focus kept inside, Escape and the backdrop close it.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useModal } from '@/components/use-modal';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ComponentChildren;
  /** `alertdialog` for destructive confirmations. */
  role?: 'dialog' | 'alertdialog';
  tone?: 'normal' | 'danger';
  /** Closing is refused while an operation runs (its outcome must be seen). */
  busy?: boolean;
  describedBy?: string;
  wide?: boolean;
}

export function Dialog({ title, onClose, children, role = 'dialog', tone = 'normal', busy = false, describedBy, wide = false }: DialogProps) {
  const titleId = useId();
  const { box, onKeyDown, onBackdropMouseDown } = useModal({ onClose, closable: !busy });

  return (
    <div class="pm-backdrop" onMouseDown={onBackdropMouseDown}>
      <div
        ref={box}
        class={`pm-dialog pm-dialog-${tone}${wide ? ' pm-dialog-wide' : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} class="pm-dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
