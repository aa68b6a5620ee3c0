// Change events the background sends to every open view (extension pages, archive frames, content scripts).
import { MESSAGE_TAGS } from '@/utils/frames/tags';

export type ChangeScope = 'session' | 'status' | 'folders' | 'listing' | 'mailbox';

export interface ChangeEvent {
  type: typeof MESSAGE_TAGS.event;
  origin: string;
  account: string | null;
  scope: ChangeScope;
  mailbox?: string;
  folderIds?: string[];
  offline?: boolean;
}

export type Notify = (event: Omit<ChangeEvent, 'type'>) => void;

export function isChangeEvent(value: unknown): value is ChangeEvent {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === MESSAGE_TAGS.event;
}
