// One folder on screen: its title and actions (export; empty in write mode) with a note on what cannot be done to a
// folder, said where the user looks for it rather than as a button that can only refuse; then its virtualized listing.
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { MessageSummary } from '@/utils/api/schemas';
import { t } from '@/utils/i18n';
import type { BackgroundClient } from '@/utils/rpc/client';
import { errorText } from '@/entrypoints/archive/errors';
import type { TreeNode } from './folders';
import { countText, modeOfFolder } from '@/entrypoints/archive/labels';
import type { ListingSource } from '@/entrypoints/archive/list/listing-source';
import { ConfirmDialog } from '../ConfirmDialog';
import { MessageList } from '../list/MessageList';
import type { Notice } from '../Notices';

export interface FolderPaneProps {
  api: BackgroundClient;
  folder: TreeNode;
  source: ListingSource;
  writable: boolean;
  openId: string | null;
  exporting: boolean;
  onOpen(summary: MessageSummary, index: number): void;
  onEscape(): void;
  onExport(): void;
  onEmptied(): void;
  notify(kind: Notice['kind'], text: string): void;
}

export function FolderPane(props: FolderPaneProps) {
  const { folder, source } = props;
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => source.subscribe(() => changed(undefined)), [source]);

  // A listing that failed to load says nothing about the folder: its count stays the folder list's, not "0 messaggi".
  const total = source.loaded && !source.error ? source.total : folder.count;
  const empty = async () => {
    setBusy(true);
    setError(null);
    try {
      const { removed } = await props.api.call('folder.empty', { folderId: folder.id });
      setConfirmEmpty(false);
      props.notify('success', countText('archive_emptied', removed, folder.label, removed));
      props.onEmptied();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="folder-pane" aria-labelledby="folder-title">
      <div class="pane-header">
        <div class="pane-title">
          <h2 id="folder-title">{folder.label}</h2>
          <span class="pane-count">{countText('archive_message_count', total, total)}</span>
        </div>
        <div class="pane-menu">
          <div class="pane-actions" role="toolbar" aria-label={t('archive_folder_actions')} aria-describedby="folder-actions-note">
            <button type="button" class="button" data-action="export" disabled={props.exporting || total === 0} onClick={props.onExport}>
              {t('archive_export')}
            </button>
            {props.writable && (
              <button
                type="button"
                class="button"
                data-action="empty-folder"
                disabled={total === 0}
                onClick={() => {
                  setError(null);
                  setConfirmEmpty(true);
                }}
              >
                {t('archive_empty_folder')}
              </button>
            )}
          </div>
          <p id="folder-actions-note" class="pane-note" data-folder-note={props.writable ? 'write' : 'read-only'}>
            {t(props.writable ? 'archive_folder_note_write' : 'archive_folder_note_read')}
          </p>
        </div>
      </div>
      {source.error !== null && (
        <div class="inline-error" role="alert">
          <span>{errorText(source.error)}</span>
          <button type="button" class="button" onClick={() => source.refresh()}>
            {t('archive_retry')}
          </button>
        </div>
      )}
      <MessageList
        source={source}
        label={t('archive_list_label', folder.label)}
        modeOf={(summary) => modeOfFolder(folder.id, summary)}
        openId={props.openId}
        onOpen={props.onOpen}
        onEscape={props.onEscape}
        emptyText={t('archive_folder_empty')}
      />
      {confirmEmpty && (
        <ConfirmDialog
          title={t('archive_empty_title', folder.label)}
          message={countText('archive_empty_confirm', total, total, folder.label)}
          confirmLabel={t('archive_empty_folder')}
          danger
          busy={busy}
          error={error}
          onCancel={() => setConfirmEmpty(false)}
          onConfirm={() => void empty()}
        />
      )}
    </section>
  );
}
