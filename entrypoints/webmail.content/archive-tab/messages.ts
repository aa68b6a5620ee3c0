// Runtime messages the archive tab answers: the popup's "open this view of the archive" (via tabs.sendMessage).
import { isArchiveViewName } from '@/utils/frames/view-name';
import { MESSAGE_TAGS } from '@/utils/frames/tags';

export const OPEN_VIEW = MESSAGE_TAGS.openView;

export interface OpenViewMessage {
  type: typeof OPEN_VIEW;
  /** An archive view name ('' or absent = the default view). */
  view?: string;
}

/** The view an open-view message asks for; null when the message is something else or malformed. */
export function openViewRequest(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, view } = message as { type?: unknown; view?: unknown };
  if (type !== OPEN_VIEW) return null;
  if (view === undefined || view === null || view === '') return '';
  return typeof view === 'string' && isArchiveViewName(view) ? view : null;
}
