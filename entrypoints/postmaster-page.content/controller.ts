// The postmaster's additions to mailbox management, while a postmaster is signed in: column, tab, dialogs, bulk.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isChangeEvent } from '@/utils/rpc/events';
import { t } from '@/utils/i18n';
import type { FrameParams } from '@/utils/frames/postmaster-url';
import { rpc } from '@/utils/rpc/client';
import type { WebmailAdapter } from '@/utils/webmail/adapter';
import { MailboxColumn, type ArchiveData } from './column';
import { MailboxArchiveTab } from './detail-tab';
import { DomainSection } from './domain-section';
import { DialogLayer, FrameHub } from './frames';
import { SelectionBar } from './selection-bar';

const SCAN_DEBOUNCE_MS = 60;
const REFRESH_DEBOUNCE_MS = 120;
const REFRESH_RETRIES = 3;

export interface PostmasterUi {
  stop(): void;
}

export function mountPostmaster(ctx: ContentScriptContext, adapter: WebmailAdapter): PostmasterUi {
  const origin = location.origin;
  const scheme = () => adapter.colorScheme(document);
  const hub = new FrameHub(ctx);
  const dialogs = new DialogLayer(hub);
  let stopped = false;
  let data: ArchiveData = null;
  let knownTable: HTMLTableElement | null = null;
  // Webmails without domain management get a settings section of ours, holding the same column, bar and tab.
  const section = adapter.domainSettings ? new DomainSection(adapter, document) : null;

  const dialogParams = (view: FrameParams['view'], mailboxes: string[]): FrameParams => ({ view, mailboxes, origin, scheme: scheme() });

  const openDialog = (view: 'enable' | 'disable' | 'bulk', mailboxes: string[], returnFocus: HTMLElement | null) => {
    const title =
      view === 'bulk'
        ? t('postmaster_bulkFrameTitle')
        : view === 'enable'
          ? t('postmaster_enableFrameTitle', mailboxes[0]!)
          : t('postmaster_disableFrameTitle', mailboxes[0]!);
    dialogs.show(
      dialogParams(view, mailboxes),
      title,
      returnFocus,
      (changed) => {
        if (changed) scheduleRefresh();
      },
      (next, mailbox) => openDialog(next, [mailbox], returnFocus),
    );
  };

  const column = new MailboxColumn({
    onEnable: (mailbox, button) => openDialog('enable', [mailbox], button),
    onSelectionChange: (selected) => bar.update(selected.size),
  });
  const bar = new SelectionBar(
    (button) => openDialog('bulk', [...column.selected], button),
    () => column.clearSelection(),
  );
  const tab = new MailboxArchiveTab({
    hub,
    origin,
    scheme,
    onFrameMessage: (message, mailbox) => {
      if (message.action === 'open') openDialog(message.view, [message.mailbox ?? mailbox], document.getElementById('archivio-tab'));
    },
  });

  let failures = 0;
  async function refresh(): Promise<void> {
    try {
      const list = await rpc('admin.mailboxes', {});
      data = new Map(list.mailboxes.map((mailbox) => [mailbox.address.toLowerCase(), mailbox.archive]));
      section?.setMailboxes(list.mailboxes.map((mailbox) => mailbox.address));
      failures = 0;
    } catch {
      // A read: worth a few more tries (a worker starting up, a busy provider); meanwhile keep what was shown.
      failures++;
      data ??= failures > REFRESH_RETRIES ? new Map() : null;
      if (failures <= REFRESH_RETRIES) scheduleRefresh(REFRESH_DEBOUNCE_MS * 4 ** failures);
    }
    if (!stopped) column.setData(data);
  }

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleRefresh(delay = REFRESH_DEBOUNCE_MS): void {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh(), delay);
  }

  function scan(): void {
    if (stopped) return;
    // The host may have replaced its content region (or shown it only now).
    observe();
    section?.sync();
    const hostTable = adapter.mailboxTable(document);
    const table = hostTable ?? section?.table() ?? null;
    if (table) {
      column.attach(table, hostTable ? adapter.mailboxRows(table) : section!.rows(), scheme());
      bar.place(table, scheme());
      bar.update(column.selected.size);
      // A table that (re)appears is a visit to Caselle: fetch fresh numbers.
      if (table !== knownTable) {
        knownTable = table;
        scheduleRefresh();
      }
    } else if (knownTable) {
      knownTable = null;
      bar.remove();
    }
    const detail = adapter.mailboxDetail(document) ?? section?.detail() ?? null;
    if (detail) tab.attach(detail);
    else tab.detach();
  }

  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleScan = () => {
    clearTimeout(scanTimer);
    scanTimer = setTimeout(scan, SCAN_DEBOUNCE_MS);
  };

  // One observer on the region where the webmail renders its views (the mailbox table and detail live there;
  // the adapter's watchRoots serve the navigation). Our additions are idempotent, so the scans they trigger are quiet.
  const observer = new MutationObserver(scheduleScan);
  let observed: Node | null = null;
  const observe = () => {
    const root = adapter.contentArea(document) ?? document.body;
    if (root === observed && root.isConnected) return;
    observer.disconnect();
    observer.observe(root, { childList: true, subtree: true });
    observed = root;
  };
  observe();
  const onLocationChange = () => {
    observe();
    scheduleScan();
  };
  ctx.addEventListener(window, 'wxt:locationchange', onLocationChange);

  const onMessage = (message: unknown) => {
    if (!isChangeEvent(message) || message.origin !== origin) return;
    if (message.scope === 'mailbox' || message.scope === 'status') scheduleRefresh();
  };
  browser.runtime.onMessage.addListener(onMessage);

  scan();

  return {
    stop() {
      stopped = true;
      clearTimeout(scanTimer);
      clearTimeout(refreshTimer);
      observer.disconnect();
      browser.runtime.onMessage.removeListener(onMessage);
      dialogs.close();
      column.detach();
      bar.remove();
      tab.detach();
      section?.stop();
    },
  };
}
