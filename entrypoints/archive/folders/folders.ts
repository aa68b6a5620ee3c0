// The folder tree as the app shows it: inbox with its months (newest first; grouped by year once they span more
// than one, so a long archive keeps "Posta inviata" and "In scadenza" on screen), sent, custom folders; localized names.
import type { Folder } from '@/utils/api/schemas';
import { monthLabel } from '@/utils/rules/months';
import { t } from '@/utils/i18n';

export interface TreeNode {
  id: string;
  label: string;
  count: number;
  level: 1 | 2 | 3;
  parentId: string | null;
  /** 'year' groups an inbox's months; it is no folder (nothing to open, export or empty). */
  kind: Folder['kind'] | 'expiring' | 'year';
  hasChildren: boolean;
}

const YEAR_PREFIX = 'year-';
const yearOf = (folder: Pick<Folder, 'month'>): string | null => /^(\d{4})-\d{2}$/.exec(folder.month ?? '')?.[1] ?? null;

export const EXPIRING_VIEW = 'expiring';

export function folderLabel(folder: Pick<Folder, 'kind' | 'name' | 'month'>, language: string): string {
  if (folder.kind === 'inbox') return t('archive_folder_inbox');
  if (folder.kind === 'sent') return t('archive_folder_sent');
  if (folder.kind === 'inbox-month' && folder.month) return monthLabel(folder.month, language);
  return folder.name;
}

export function folderTree(folders: readonly Folder[], language: string): TreeNode[] {
  const node = (folder: Folder, level: 1 | 2 | 3, hasChildren = false, parentId: string | null = level === 1 ? null : 'inbox'): TreeNode => ({
    id: folder.id,
    label: folderLabel(folder, language),
    count: folder.messageCount,
    level,
    parentId,
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
    ...monthNodes(months, node),
    ...sent.map((folder) => node(folder, 1)),
    ...custom.map((folder) => node(folder, 1)),
  ];
}

/** Months newest first, under one node per year when they span several years (a month without a year stays ungrouped). */
function monthNodes(
  months: readonly Folder[],
  node: (folder: Folder, level: 1 | 2 | 3, hasChildren?: boolean, parentId?: string | null) => TreeNode,
): TreeNode[] {
  const years = [...new Set(months.map(yearOf).filter((year): year is string => year !== null))];
  if (years.length < 2) return months.map((month) => node(month, 2));
  const nodes: TreeNode[] = [];
  for (const year of years) {
    const inYear = months.filter((month) => yearOf(month) === year);
    nodes.push({
      id: `${YEAR_PREFIX}${year}`,
      label: year,
      count: inYear.reduce((sum, month) => sum + month.messageCount, 0),
      level: 2,
      parentId: 'inbox',
      kind: 'year',
      hasChildren: true,
    });
    nodes.push(...inYear.map((month) => node(month, 3, false, `${YEAR_PREFIX}${year}`)));
  }
  return [...nodes, ...months.filter((month) => yearOf(month) === null).map((month) => node(month, 2))];
}

/**
 * What is open when the tree first shows: the inbox, this year's months (else the newest year's), and whatever
 * holds the selected folder, so a month chosen from the webmail's address is on screen.
 */
export function initiallyExpanded(nodes: readonly TreeNode[], selectedId: string, now = new Date()): Set<string> {
  const open = new Set(['inbox', ...ancestorsOf(nodes, selectedId)]);
  const years = nodes.filter((node) => node.kind === 'year');
  const current = years.find((node) => node.id === `${YEAR_PREFIX}${now.getFullYear()}`) ?? years[0];
  if (current) open.add(current.id);
  return open;
}

/** The ids of the nodes above `id`, nearest first. */
export function ancestorsOf(nodes: readonly TreeNode[], id: string): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const chain: string[] = [];
  for (let parent = byId.get(id)?.parentId ?? null; parent !== null; parent = byId.get(parent)?.parentId ?? null) chain.push(parent);
  return chain;
}

/** The rows of the tree on screen: everything under a collapsed node is hidden. */
export function visibleNodes(nodes: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const shown = new Set<string>();
  return nodes.filter((node) => {
    const visible = node.parentId === null || (expanded.has(node.parentId) && shown.has(node.parentId));
    if (visible) shown.add(node.id);
    return visible;
  });
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
