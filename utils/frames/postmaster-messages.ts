// Messages between the postmaster frames (extension origin) and the content script that hosts them.
import { isMailboxAddress } from './postmaster-url';
import { MESSAGE_TAGS } from './tags';

export const FRAME_MESSAGE = MESSAGE_TAGS.postmaster;

export type FrameMessage =
  /** The frame's content height, so the hosting iframe fits it without a scrollbar. */
  | { type: typeof FRAME_MESSAGE; action: 'resize'; height: number }
  /** A dialog frame is done; `changed` says whether something was changed on the provider. */
  | { type: typeof FRAME_MESSAGE; action: 'close'; changed: boolean }
  /** The tab frame asks for a page-wide dialog (the disable confirmation) above the webmail. */
  | { type: typeof FRAME_MESSAGE; action: 'open'; view: 'disable' | 'enable'; mailbox: string };

/** Validates a message event's data; the content script also checks that it came from one of its own frames. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type !== FRAME_MESSAGE) return null;
  switch (message.action) {
    case 'resize':
      return typeof message.height === 'number' && Number.isFinite(message.height) && message.height >= 0
        ? { type: FRAME_MESSAGE, action: 'resize', height: Math.min(Math.ceil(message.height), 10_000) }
        : null;
    case 'close':
      return { type: FRAME_MESSAGE, action: 'close', changed: message.changed === true };
    case 'open':
      return (message.view === 'disable' || message.view === 'enable') && typeof message.mailbox === 'string' && isMailboxAddress(message.mailbox)
        ? { type: FRAME_MESSAGE, action: 'open', view: message.view, mailbox: message.mailbox }
        : null;
    default:
      return null;
  }
}
