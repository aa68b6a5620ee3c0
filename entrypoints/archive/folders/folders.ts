// The folder tree as the app shows it: inbox with its months (newest first), sent, custom folders; localized names.
import type { Folder } from '@/utils/api/schemas';
import { monthLabel } from '@/utils/rules/months';
import { t } from '@/utils/i18n';

export interface TreeNode {
  id: string;
  label: string;
  count: number;
  level: 1 | 2;
  parentId: string | null;
  kind: Folder['kind'] | 'expiring';
  hasChildren: boolean;
}

export const EXPIRING_VIEW = 'expiring';

export function folderLabel(folder: Pick<Folder, 'kind' | 'name' | 'month'>, language: string): string {
  if (folder.kind === 'inbox') return t('archive_folder_inbox');
  if (folder.kind === 'sent') return t('archive_folder_sent');
  if (folder.kind === 'inbox-month' && folder.month) return monthLabel(folder.month, language);
  return folder.name;
}

export function folderTree(folders: readonly Folder[], language: string): TreeNode[] {
  const node = (folder: Folder, level: 1 | 2, hasChildren = false): TreeNode => ({
    id: folder.id,
    label: folderLabel(folder, language),
    count: folder.messageCount,
    level,
    parentId: level === 2 ? 'inbox' : null,
    kind: folder.kind,
    hasChildren,
  });
  const months = folders.filter((folder) => folder.kind === 'inbox-month').sort((a, b) => (b.month ?? b.id).localeCompare(a.month ?? a.id));
  const inbox = folders.find((folder) => folder.kind === 'inbox');
  const sent = folders.filter((folder) => folder.kind === 'sent');
  const custom = folders.filter((folder) => folder.kind === 'custom').sort((a, b) => a.name.localeCompare(b.name, language));
  const inboxNode: TreeNode | null = inbox
    ? node(inbox, 1, months.length > 0)
    : months.length > 0
      ? {
          id: 'inbox',
          label: t('archive_folder_inbox'),
          count: months.reduce((sum, m) => sum + m.messageCount, 0),
          level: 1,
          parentId: null,
          kind: 'inbox',
          hasChildren: true,
        }
      : null;
  return [
    ...(inboxNode ? [inboxNode] : []),
    ...months.map((month) => node(month, 2)),
    ...sent.map((folder) => node(folder, 1)),
    ...custom.map((folder) => node(folder, 1)),
  ];
}

/** The rows of the tree on screen: children of a collapsed parent are hidden. */
export function visibleNodes(nodes: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  return nodes.filter((node) => node.parentId === null || expanded.has(node.parentId));
}

/** The folder a listing belongs to when an event names a month: the inbox view shows every month. */
export function listingTouched(viewFolderId: string, changed: readonly string[] | undefined): boolean {
  if (!changed) return true;
  return changed.some(
    (id) => id === viewFolderId || (viewFolderId === 'inbox' && id.startsWith('inbox-')) || (id === 'inbox' && viewFolderId.startsWith('inbox-')),
  );
}

/** Where a message may be moved: the inbox (it returns to its month), sent, and custom folders, except where it is. */
export function moveTargets(folders: readonly Folder[], currentFolderId: string, language: string): { id: string; label: string }[] {
  return folders
    .filter((folder) => folder.kind === 'inbox' || folder.kind === 'sent' || folder.kind === 'custom')
    .filter((folder) => folder.id !== currentFolderId && !(folder.kind === 'inbox' && currentFolderId.startsWith('inbox')))
    .map((folder) => ({ id: folder.id, label: folderLabel(folder, language) }));
}
