// Change events the background sends to every open view (extension pages, archive frames, content scripts).

export type ChangeScope = 'session' | 'status' | 'folders' | 'listing' | 'mailbox';

export interface ChangeEvent {
  type: 'archivio/event';
  origin: string;
  account: string | null;
  scope: ChangeScope;
  mailbox?: string;
  folderIds?: string[];
  offline?: boolean;
}

export type Notify = (event: Omit<ChangeEvent, 'type'>) => void;

export function isChangeEvent(value: unknown): value is ChangeEvent {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'archivio/event';
}
