// The archive once it is ready: folder tree, the folder / search / expiring pane, the reader, dialogs and notices.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { ArchiveStatus, FolderList, Me, MessageSummary } from '@/utils/api/schemas';
import type { Fresh } from '@/utils/rpc/fresh';
import { t, uiLanguage } from '@/utils/i18n';
import type { BackgroundClient } from '@/utils/rpc/client';
import type { DownloadsApi } from '@/utils/downloads/follow';
import { EXPIRING_VIEW, folderTree, listingTouched, type TreeNode } from '@/entrypoints/archive/folders/folders';
import { readHash } from '@/utils/frames/archive-url';
import { requestCloseArchive } from './close-archive';
import { ListingSource } from '@/entrypoints/archive/list/listing-source';
import { EMPTY_SEARCH, isSearchActive, SearchRun, type SearchForm } from '@/entrypoints/archive/search/search';
import { Banners, ModeNote } from './Banners';
import { Dialog } from '@/components/Dialog';
import { dueCount, ExpiringPane, EXPIRING_DAYS } from './expiring/ExpiringPane';
import { ExportBar, useExport } from './export/ExportBar';
import { FolderPane } from './folders/FolderPane';
import { FolderTree } from './folders/FolderTree';
import { Notices, type Notice } from './Notices';
import { Reader } from './reader/Reader';
import { SearchBar } from './search/SearchBar';
import { SearchPane } from './search/SearchPane';

export interface WorkspaceProps {
  api: BackgroundClient;
  me: Me;
  status: Fresh<ArchiveStatus>;
  folders: Fresh<FolderList>;
  listingRevision: number;
  changedFolders: string[] | undefined;
  upgradeUrl: string;
  downloads: DownloadsApi | null;
  onRetry(): void;
  onChanged(folderIds?: string[]): void;
}

let noticeIds = 0;

export function Workspace(props: WorkspaceProps) {
  const { api } = props;
  const status = props.status.value;
  const writable = status.writable;
  const [view, setView] = useState(() => readHash(location.hash).view ?? 'inbox');
  const [open, setOpen] = useState<MessageSummary | null>(null);
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH);
  const [run, setRun] = useState<SearchRun | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [folderInfo, setFolderInfo] = useState<TreeNode | null>(null);
  const [expiringCount, setExpiringCount] = useState(-1);
  const [, sourceChanged] = useReducer((n: number) => n + 1, 0);
  const workspace = useRef<HTMLDivElement>(null);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const notice = { id: ++noticeIds, kind, text };
    setNotices((current) => [...current.slice(-3), notice]);
    if (kind !== 'error') setTimeout(() => setNotices((current) => current.filter((n) => n.id !== notice.id)), 8000);
  }, []);
  const exporter = useExport(api, props.downloads, notify);

  const nodes = useMemo(() => {
    const tree = folderTree(props.folders.value.folders, uiLanguage());
    if (status.retentionMonths === null) return tree;
    const expiring: TreeNode = {
      id: EXPIRING_VIEW,
      label: t('archive_expiring_title'),
      count: expiringCount,
      level: 1,
      parentId: null,
      kind: 'expiring',
      hasChildren: false,
    };
    return [...tree, expiring];
  }, [props.folders, status.retentionMonths, expiringCount]);
  const folder = nodes.find((node) => node.id === view && node.kind !== 'expiring' && node.kind !== 'year') ?? null;
  const folderId = folder?.id ?? null;

  const source = useMemo(
    () =>
      folderId
        ? new ListingSource((offset, limit) =>
            api.call('messages.list', { folderId, offset, limit }).then((reply) => ({ ...reply.value, freshness: reply.freshness })),
          )
        : null,
    [api, folderId],
  );
  useEffect(() => source?.subscribe(() => sourceChanged(undefined)), [source]);

  const firstRevision = useRef(props.listingRevision);
  useEffect(() => {
    if (props.listingRevision === firstRevision.current) return;
    if (source && folderId && listingTouched(folderId, props.changedFolders)) source.refresh();
  }, [props.listingRevision]);

  useEffect(() => {
    if (status.retentionMonths === null) return;
    // The count only: one summary, and the provider's `total`.
    api.call('expiring.list', { days: EXPIRING_DAYS, limit: 1 }).then(
      (reply) => setExpiringCount(dueCount(reply)),
      () => undefined,
    );
  }, [api, status.retentionMonths, props.listingRevision]);

  // The webmail moves focus into our frame when it opens the archive: land on the selected folder, not on nothing.
  useEffect(() => {
    const land = () => {
      if (document.activeElement && document.activeElement !== document.body) return;
      workspace.current?.querySelector<HTMLElement>('.folder-tree [tabindex="0"]')?.focus();
    };
    // Checked a frame later: a click that focused the frame has by then put focus where it was aimed (a row, say).
    const landSoon = () => requestAnimationFrame(land);
    if (document.hasFocus()) landSoon();
    window.addEventListener('focus', landSoon);
    return () => window.removeEventListener('focus', landSoon);
  }, []);

  useEffect(() => {
    const onHash = () => {
      const next = readHash(location.hash).view;
      if (next) select(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (!isSearchActive(form)) return setRun(null);
    // The instant filter runs on every keystroke (no debounce); the provider's search waits inside the run.
    const next = new SearchRun(api, form, folderId);
    setRun(next);
    next.start();
    return () => next.cancel();
  }, [api, form, form.scope === 'folder' ? folderId : null]);

  function select(id: string) {
    setView(id);
    setOpen(null);
    setForm(EMPTY_SEARCH);
  }
  const closeReader = () => {
    if (!open) {
      requestCloseArchive(window);
      return;
    }
    setOpen(null);
    requestAnimationFrame(() => workspace.current?.querySelector<HTMLElement>('.list-scroll')?.focus());
  };
  const onOpen = (summary: MessageSummary) => setOpen(summary);

  const freshness = source?.freshness && (source.freshness.offline || source.freshness.error) ? source.freshness : props.folders.freshness;
  const searching = isSearchActive(form) && run !== null;

  return (
    <div ref={workspace} class={`workspace${open ? ' reader-open' : ''}`}>
      <header class="topbar">
        <h1 class="app-title">{t('archive_app_title')}</h1>
        <span class="account" title={props.me.address}>
          {props.me.address}
        </span>
        <SearchBar form={form} onChange={setForm} onClear={() => setForm(EMPTY_SEARCH)} />
      </header>
      <Banners
        status={status}
        freshness={freshness}
        upgradeUrl={props.upgradeUrl}
        onRetry={() => {
          props.onRetry();
          source?.refresh();
        }}
      />
      {exporter.job && <ExportBar job={exporter.job} onCancel={() => void exporter.cancel()} />}
      <div class="panes">
        <nav class="sidebar" aria-label={t('archive_folders_label')}>
          <FolderTree nodes={nodes} selectedId={searching ? '' : view} onSelect={select} onDeleteRequest={setFolderInfo} />
          <ModeNote writable={writable} />
        </nav>
        <main class="list-pane">
          {searching ? (
            <SearchPane run={run} openId={open?.id ?? null} onOpen={onOpen} onEscape={closeReader} />
          ) : view === EXPIRING_VIEW && status.retentionMonths !== null ? (
            <ExpiringPane
              api={api}
              retentionMonths={status.retentionMonths}
              revision={props.listingRevision}
              openId={open?.id ?? null}
              onOpen={onOpen}
              onEscape={closeReader}
              onCount={setExpiringCount}
            />
          ) : folder && source ? (
            <FolderPane
              key={folder.id}
              api={api}
              folder={folder}
              source={source}
              writable={writable}
              openId={open?.id ?? null}
              exporting={exporter.job !== null}
              onOpen={onOpen}
              onEscape={closeReader}
              onExport={() => void exporter.start(folder.id, folder.label, props.folders.value.folders.find((f) => f.id === folder.id)?.bytes ?? 0)}
              onEmptied={() => props.onChanged([folder.id])}
              notify={notify}
            />
          ) : (
            <p class="list-empty">{t('archive_folder_missing')}</p>
          )}
        </main>
        {open && (
          <section class="reader-pane" aria-label={t('archive_reader_label')}>
            <Reader
              key={open.id}
              api={api}
              summary={open}
              writable={writable}
              folders={props.folders.value.folders}
              onClose={closeReader}
              onGone={() => {
                setOpen(null);
                props.onChanged();
              }}
              notify={notify}
            />
          </section>
        )}
      </div>
      <Notices notices={notices} onDismiss={(id) => setNotices((current) => current.filter((n) => n.id !== id))} />
      {folderInfo && (
        <Dialog title={t('archive_folder_not_deletable_title')} onClose={() => setFolderInfo(null)}>
          <p data-folder-not-deletable>{t('archive_folder_not_deletable', folderInfo.label)}</p>
          <p>{writable ? t('archive_folder_not_deletable_write') : t('archive_folder_not_deletable_read')}</p>
          <div class="dialog-actions">
            <button type="button" class="button button-primary" onClick={() => setFolderInfo(null)}>
              {t('archive_ok')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
