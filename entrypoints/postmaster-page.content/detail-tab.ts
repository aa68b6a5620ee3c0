// The "Archivio" tab of the mailbox detail: a tab like the host's own, its panel hosting the postmaster frame.
import type { ColorScheme } from '@/utils/frames/scheme';
import { t } from '@/utils/i18n';
import type { FrameMessage } from '@/utils/frames/postmaster-messages';
import type { FrameParams } from '@/utils/frames/postmaster-url';
import type { MailboxDetail } from '@/utils/webmail/adapter';
import { createFrame, type FrameHub } from './frames';

const TAB_ID = 'archivio-tab';
const PANEL_ID = 'archivio-panel';
const TAB_SELECTOR = '[role="tab"]';
const INITIAL_HEIGHT = 360;

interface Mounted {
  tablist: HTMLElement;
  tab: HTMLElement;
  panel: HTMLElement;
  mailbox: string;
  iframe: HTMLIFrameElement | null;
  unregisterFrame?: () => void;
  /** Host panels we hid ourselves (hosts that do not manage a tab they do not know). */
  hiddenByUs: Set<HTMLElement>;
  cleanup: (() => void)[];
}

export interface TabEnvironment {
  hub: FrameHub;
  origin: string;
  scheme(): ColorScheme;
  onFrameMessage(message: FrameMessage, mailbox: string): void;
}

function panelOf(tab: Element): HTMLElement | null {
  const id = tab.getAttribute('aria-controls');
  return id ? document.getElementById(id) : null;
}

export class MailboxArchiveTab {
  private mounted: Mounted | null = null;

  constructor(private readonly env: TabEnvironment) {}

  attach(detail: MailboxDetail): void {
    const current = this.mounted;
    if (current && current.tablist === detail.tablist && current.tab.isConnected && current.panel.isConnected) {
      if (current.mailbox !== detail.address) this.switchMailbox(current, detail.address);
      return;
    }
    this.detach();
    this.mount(detail);
  }

  detach(): void {
    const current = this.mounted;
    if (!current) return;
    this.mounted = null;
    for (const undo of current.cleanup) undo();
    current.unregisterFrame?.();
    for (const panel of current.hiddenByUs) panel.hidden = false;
    current.tab.remove();
    current.panel.remove();
  }

  private params(mailbox: string): FrameParams {
    return { view: 'tab', mailboxes: [mailbox], origin: this.env.origin, scheme: this.env.scheme() };
  }

  private mount(detail: MailboxDetail): void {
    const hostTabs = [...detail.tablist.querySelectorAll<HTMLElement>(TAB_SELECTOR)];
    const model = hostTabs.find((tab) => tab.getAttribute('aria-selected') !== 'true') ?? hostTabs[0];
    const tab = document.createElement(model?.tagName === 'A' ? 'a' : 'button');
    if (tab instanceof HTMLButtonElement) tab.type = 'button';
    if (model?.className) tab.className = model.className;
    tab.id = TAB_ID;
    tab.setAttribute('role', 'tab');
    tab.dataset.tab = 'archivio';
    tab.setAttribute('data-archivio-tab', '');
    tab.setAttribute('aria-controls', PANEL_ID);
    tab.setAttribute('aria-selected', 'false');
    tab.tabIndex = -1;
    tab.textContent = t('postmaster_tabName');

    const modelPanel = model ? panelOf(model) : null;
    const panel = document.createElement('div');
    if (modelPanel?.className) panel.className = modelPanel.className;
    panel.id = PANEL_ID;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', TAB_ID);
    panel.setAttribute('data-archivio-panel', '');
    panel.hidden = true;

    const mounted: Mounted = { tablist: detail.tablist, tab, panel, mailbox: detail.address, iframe: null, hiddenByUs: new Set(), cleanup: [] };
    this.mounted = mounted;

    const onClick = (event: Event) => {
      const clicked = (event.target as Element | null)?.closest<HTMLElement>(TAB_SELECTOR);
      if (!clicked || !mounted.tablist.contains(clicked)) return;
      if (clicked === tab) this.select(mounted);
      // Let the host select its own tab first, then step aside.
      else setTimeout(() => this.deselect(mounted), 0);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Hosts that know every tab (they handled the key) need no help.
      if (event.defaultPrevented) return;
      const current = (event.target as Element | null)?.closest<HTMLElement>(TAB_SELECTOR);
      if (!current || !mounted.tablist.contains(current)) return;
      const tabs = [...mounted.tablist.querySelectorAll<HTMLElement>(TAB_SELECTOR)].filter(
        (candidate) => !candidate.hidden && candidate.getAttribute('aria-disabled') !== 'true',
      );
      const index = tabs.indexOf(current);
      const targets: Record<string, number> = {
        ArrowRight: (index + 1) % tabs.length,
        ArrowLeft: (index - 1 + tabs.length) % tabs.length,
        Home: 0,
        End: tabs.length - 1,
      };
      const next = tabs[targets[event.key] ?? -1];
      if (!next) return;
      event.preventDefault();
      next.focus();
      next.click();
    };
    // Registered after the host's own listeners on the same element, so they run after them.
    detail.tablist.addEventListener('click', onClick);
    detail.tablist.addEventListener('keydown', onKeyDown);
    mounted.cleanup.push(() => {
      detail.tablist.removeEventListener('click', onClick);
      detail.tablist.removeEventListener('keydown', onKeyDown);
    });

    // Whoever selects the tab (us, the host's delegation, or the host restoring its route), the frame follows.
    const watcher = new MutationObserver(() => {
      if (tab.getAttribute('aria-selected') === 'true') {
        if (panel.hidden) panel.hidden = false;
        this.ensureFrame(mounted);
      } else if (!panel.hidden) {
        panel.hidden = true;
      }
    });
    watcher.observe(tab, { attributes: true, attributeFilter: ['aria-selected'] });
    mounted.cleanup.push(() => watcher.disconnect());

    detail.tablist.append(tab);
    detail.panelHost.append(panel);
    // A detail of ours, with no host tabs to choose among: the archive's settings show at once.
    if (detail.archiveOnly) this.select(mounted);
  }

  private select(mounted: Mounted): void {
    for (const other of mounted.tablist.querySelectorAll<HTMLElement>(TAB_SELECTOR)) {
      if (other === mounted.tab) continue;
      if (other.getAttribute('aria-selected') !== 'false') other.setAttribute('aria-selected', 'false');
      other.tabIndex = -1;
      const panel = panelOf(other);
      if (panel && !panel.hidden) {
        panel.hidden = true;
        mounted.hiddenByUs.add(panel);
      }
    }
    mounted.tab.setAttribute('aria-selected', 'true');
    mounted.tab.tabIndex = 0;
    mounted.panel.hidden = false;
    this.ensureFrame(mounted);
  }

  private deselect(mounted: Mounted): void {
    if (this.mounted !== mounted) return;
    if (mounted.tab.getAttribute('aria-selected') !== 'false') mounted.tab.setAttribute('aria-selected', 'false');
    mounted.tab.tabIndex = -1;
    mounted.panel.hidden = true;
    for (const panel of mounted.hiddenByUs) {
      const owner = [...mounted.tablist.querySelectorAll(TAB_SELECTOR)].find((candidate) => candidate.getAttribute('aria-controls') === panel.id);
      if (owner?.getAttribute('aria-selected') === 'true') panel.hidden = false;
    }
    mounted.hiddenByUs.clear();
  }

  /** The frame loads the first time the tab shows (nothing is fetched for details never opened on it). */
  private ensureFrame(mounted: Mounted): void {
    if (mounted.iframe) return;
    const iframe = createFrame(document, this.params(mounted.mailbox), t('postmaster_frameTitle', mounted.mailbox));
    iframe.style.width = '100%';
    iframe.style.height = `${INITIAL_HEIGHT}px`;
    mounted.unregisterFrame = this.env.hub.register(iframe, (message) => {
      if (message.action === 'resize') iframe.style.height = `${Math.max(120, message.height)}px`;
      else this.env.onFrameMessage(message, mounted.mailbox);
    });
    mounted.iframe = iframe;
    mounted.panel.append(iframe);
  }

  /** A new frame for another mailbox (a new hash alone would not reload the page inside). */
  private switchMailbox(mounted: Mounted, mailbox: string): void {
    mounted.mailbox = mailbox;
    if (!mounted.iframe) return;
    mounted.unregisterFrame?.();
    mounted.iframe.remove();
    mounted.iframe = null;
    if (mounted.tab.getAttribute('aria-selected') === 'true') this.ensureFrame(mounted);
  }
}
