// The archive's folders as an accessible tree: arrows move, Right/Left open and close, Enter selects.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, formatLocale } from '@/utils/format';
import { t } from '@/utils/i18n';
import { ancestorsOf, initiallyExpanded, visibleNodes, type TreeNode } from './folders';
import { countText } from '@/entrypoints/archive/labels';

export interface FolderTreeProps {
  nodes: TreeNode[];
  selectedId: string;
  onSelect(id: string): void;
  /** The user asked to delete a folder (Delete key): the app explains that folders cannot be deleted. */
  onDeleteRequest(node: TreeNode): void;
}

export function FolderTree({ nodes, selectedId, onSelect, onDeleteRequest }: FolderTreeProps) {
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyExpanded(nodes, selectedId));
  // A folder selected from elsewhere (the address, a search result) is shown, its year opened if need be.
  useEffect(() => {
    const closed = ancestorsOf(nodes, selectedId).filter((id) => !expanded.has(id));
    if (closed.length > 0) setExpanded(new Set([...expanded, ...closed]));
  }, [selectedId, nodes]);
  const [focusedId, setFocusedId] = useState(selectedId);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const locale = formatLocale();
  const shown = visibleNodes(nodes, expanded);
  const focusable = shown.some((node) => node.id === focusedId) ? focusedId : selectedId;

  // Every target of a key is already on screen (children only after their parent is expanded), so focus moves now.
  const focus = (id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    refs.current.get(id)?.focus();
  };
  const toggle = (id: string, open: boolean) => {
    const next = new Set(expanded);
    if (open) next.add(id);
    else next.delete(id);
    setExpanded(next);
  };

  // A year is a group, not a folder: choosing it opens or closes it.
  const choose = (node: TreeNode) => (node.kind === 'year' ? toggle(node.id, !expanded.has(node.id)) : onSelect(node.id));

  const onKeyDown = (event: KeyboardEvent, node: TreeNode) => {
    const index = shown.findIndex((candidate) => candidate.id === node.id);
    const isOpen = expanded.has(node.id);
    const actions: Record<string, () => void> = {
      ArrowDown: () => focus(shown[index + 1]?.id),
      ArrowUp: () => focus(shown[index - 1]?.id),
      Home: () => focus(shown[0]?.id),
      End: () => focus(shown[shown.length - 1]?.id),
      ArrowRight: () => (node.hasChildren ? (isOpen ? focus(shown[index + 1]?.id) : toggle(node.id, true)) : undefined),
      ArrowLeft: () => (node.hasChildren && isOpen ? toggle(node.id, false) : focus(node.parentId ?? undefined)),
      Enter: () => choose(node),
      ' ': () => choose(node),
      Delete: () => node.kind !== 'expiring' && node.kind !== 'year' && onDeleteRequest(node),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const siblings = (node: TreeNode) => shown.filter((candidate) => candidate.parentId === node.parentId);

  return (
    <ul class="folder-tree" role="tree" aria-label={t('archive_folders_label')}>
      {shown.map((node) => {
        const group = siblings(node);
        const count = node.kind === 'expiring' && node.count < 0 ? '' : formatNumber(node.count, locale);
        return (
          <li
            key={node.id}
            ref={(element) => {
              if (element) refs.current.set(node.id, element);
              else refs.current.delete(node.id);
            }}
            role="treeitem"
            class={`tree-item level-${node.level} kind-${node.kind}${node.id === selectedId ? ' tree-selected' : ''}`}
            aria-level={node.level}
            aria-setsize={group.length}
            aria-posinset={group.indexOf(node) + 1}
            aria-selected={node.kind === 'year' ? undefined : node.id === selectedId}
            aria-expanded={node.hasChildren ? expanded.has(node.id) : undefined}
            aria-label={count === '' ? node.label : countText('archive_folder_with_count', node.count, node.label, node.count)}
            tabIndex={node.id === focusable ? 0 : -1}
            data-folder-id={node.id}
            onKeyDown={(event) => onKeyDown(event, node)}
            onFocus={() => setFocusedId(node.id)}
            onClick={() => {
              setFocusedId(node.id);
              choose(node);
            }}
          >
            {node.hasChildren ? (
              <span
                class={`tree-toggle${expanded.has(node.id) ? ' open' : ''}`}
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  toggle(node.id, !expanded.has(node.id));
                }}
              />
            ) : (
              <span class="tree-toggle-space" aria-hidden="true" />
            )}
            {/* The space keeps label and count two words, as the name ("novembre 2026, 13 messaggi") has them. */}
            <span class="tree-label">{node.label}</span>{' '}
            <span class="tree-count" aria-hidden="true">
              {count}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
