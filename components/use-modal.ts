// What every modal dialog of ours does: focus moves in and stays in, Escape closes, focus goes back where it was.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface ModalOptions {
  onClose(): void;
  /** Selector of the element to focus first; else `[data-autofocus]`, else the first focusable one, else the box. */
  initialFocus?: string;
  /** While false (an operation runs and its outcome must be seen), Escape and the backdrop do not close. */
  closable?: boolean;
}

export interface Modal {
  box: RefObject<HTMLDivElement | null>;
  onKeyDown(event: KeyboardEvent): void;
  /** For the backdrop: a press on the backdrop itself (not the box) closes. */
  onBackdropMouseDown(event: MouseEvent): void;
}

export function useModal({ onClose, initialFocus, closable = true }: ModalOptions): Modal {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = box.current;
    const first =
      (initialFocus ? root?.querySelector<HTMLElement>(initialFocus) : null) ??
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? root)?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      // The dialog's Escape is not also the view's below it (closing the open message, say).
      event.stopPropagation();
      if (closable) onClose();
      return;
    }
    const root = box.current;
    if (event.key !== 'Tab' || !root) return;
    const focusable = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !root.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !root.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  const onBackdropMouseDown = (event: MouseEvent) => {
    if (event.target === event.currentTarget && closable) onClose();
  };

  return { box, onKeyDown, onBackdropMouseDown };
}
