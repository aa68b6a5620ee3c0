// The postmaster's "Archivio del dominio" section in the settings of a webmail without domain management (Roundcube):
// an entry among the host's settings sections, and, while the address asks for it, a section of ours in place of the
// host's list and form: the domain's mailboxes (the controller adds the archive column, the selection and the bulk bar)
// and the selected mailbox's archive settings (the same postmaster frame as the mailbox detail's tab).
import { t } from '@/utils/i18n';
import type { DomainSettingsPlace, MailboxDetail, MailboxRow, WebmailAdapter } from '@/utils/webmail/adapter';

export const DOMAIN_SECTION_HASH = '#archivio-dominio';
const MARK = 'data-archivio-domain';

interface Shown {
  place: DomainSettingsPlace;
  /** The covered regions' own inline `display`, put back when the section goes. */
  covered: Map<HTMLElement, string>;
  /** Host entries whose selected mark we moved to ours. */
  deselected: Element[];
}

export class DomainSection {
  private entry: { item: HTMLElement; control: HTMLElement } | null = null;
  private root: HTMLElement | null = null;
  private tableElement: HTMLTableElement | null = null;
  private status: HTMLElement | null = null;
  private detailElement: HTMLElement | null = null;
  private detailTitle: HTMLElement | null = null;
  private tablist: HTMLElement | null = null;
  private panelHost: HTMLElement | null = null;
  private shown: Shown | null = null;
  private mailboxes: string[] | null = null;
  private selected: string | null = null;
  private menuListener: { menu: HTMLElement; listener: (event: Event) => void } | null = null;

  constructor(
    private readonly adapter: WebmailAdapter,
    private readonly doc: Document,
  ) {}

  /** Keeps the entry in the host's menu, and the section in sight exactly while the address asks for it. */
  sync(): void {
    const place = this.adapter.domainSettings?.(this.doc) ?? null;
    if (!place) {
      this.hide();
      this.removeEntry();
      return;
    }
    this.ensureEntry(place);
    if (this.doc.defaultView?.location.hash === DOMAIN_SECTION_HASH) this.show(place);
    else this.hide();
  }

  /** Our mailbox table, while the section shows. */
  table(): HTMLTableElement | null {
    return this.shown ? this.tableElement : null;
  }

  rows(): MailboxRow[] {
    if (!this.tableElement) return [];
    return [...this.tableElement.tBodies[0]!.rows].map((row) => ({ row, address: row.dataset.mailbox! }));
  }

  /** The selected mailbox's archive settings, while the section shows one. */
  detail(): MailboxDetail | null {
    if (!this.shown || !this.selected || !this.tablist || !this.panelHost) return null;
    return { address: this.selected, tablist: this.tablist, panelHost: this.panelHost, archiveOnly: true };
  }

  /** The domain's mailboxes as the provider lists them (addresses only; shown as text). */
  setMailboxes(addresses: string[]): void {
    const sorted = [...addresses].sort((a, b) => a.localeCompare(b));
    if (this.mailboxes && sorted.join('\n') === this.mailboxes.join('\n')) return;
    this.mailboxes = sorted;
    if (this.selected && !sorted.includes(this.selected)) this.select(null);
    this.renderRows();
  }

  stop(): void {
    this.hide();
    this.removeEntry();
    this.root?.remove();
    this.root = null;
  }

  private ensureEntry(place: DomainSettingsPlace): void {
    if (this.entry?.item.isConnected && this.entry.item.parentElement === place.menu) return;
    this.removeEntry();
    const entry = place.createEntry(this.doc, t('postmaster_domainSection'));
    entry.item.setAttribute(MARK, 'entry');
    entry.control.addEventListener('click', (event) => {
      event.preventDefault();
      if (this.doc.defaultView!.location.hash !== DOMAIN_SECTION_HASH) this.doc.defaultView!.location.hash = DOMAIN_SECTION_HASH;
    });
    place.menu.append(entry.item);
    // A host entry clicked while our section shows: the address stops asking for it, the host's section comes back.
    const listener = (event: Event) => {
      const item = (event.target as Element | null)?.closest('li');
      if (!item || !place.isHostEntry(item) || !this.shown) return;
      const win = this.doc.defaultView!;
      win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
      this.hide();
    };
    place.menu.addEventListener('click', listener, { capture: true });
    this.menuListener = { menu: place.menu, listener };
    this.entry = entry;
  }

  private removeEntry(): void {
    this.entry?.item.remove();
    this.entry = null;
    if (this.menuListener) this.menuListener.menu.removeEventListener('click', this.menuListener.listener, { capture: true });
    this.menuListener = null;
  }

  private show(place: DomainSettingsPlace): void {
    const root = this.ensureRoot();
    if (this.shown && root.isConnected) return;
    const covered = new Map<HTMLElement, string>();
    for (const region of place.covered) {
      covered.set(region, region.style.display);
      region.style.display = 'none';
    }
    const deselected = [...place.menu.getElementsByClassName(place.selectedClass)].filter((item) => item !== this.entry?.item);
    for (const item of deselected) item.classList.remove(place.selectedClass);
    this.entry?.item.classList.add(place.selectedClass);
    this.entry?.control.setAttribute('aria-current', 'page');
    const last = place.covered.at(-1);
    if (last?.parentElement === place.container) last.after(root);
    else place.container.append(root);
    this.shown = { place, covered, deselected };
  }

  private hide(): void {
    const shown = this.shown;
    if (!shown) return;
    this.shown = null;
    this.root?.remove();
    for (const [region, display] of shown.covered) region.style.display = display;
    this.entry?.item.classList.remove(shown.place.selectedClass);
    this.entry?.control.removeAttribute('aria-current');
    for (const item of shown.deselected) item.classList.add(shown.place.selectedClass);
  }

  private ensureRoot(): HTMLElement {
    if (this.root) return this.root;
    const doc = this.doc;
    const root = doc.createElement('div');
    root.setAttribute(MARK, 'section');
    root.setAttribute('role', 'region');
    root.setAttribute('aria-labelledby', 'archivio-domain-title');
    root.style.cssText = 'flex: 1 1 auto; min-width: 0; overflow: auto; padding: 1rem 1.5rem; box-sizing: border-box;';
    const title = doc.createElement('h2');
    title.id = 'archivio-domain-title';
    title.textContent = t('postmaster_domainSection');
    const intro = doc.createElement('p');
    intro.textContent = t('postmaster_domainIntro');
    const status = doc.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = t('postmaster_domainLoading');
    const table = doc.createElement('table');
    table.className = 'table';
    table.setAttribute(MARK, 'mailboxes');
    const caption = doc.createElement('caption');
    caption.className = 'voice';
    caption.textContent = t('postmaster_domainMailboxes');
    const head = table.createTHead().insertRow();
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = t('postmaster_domainMailbox');
    head.append(th);
    table.prepend(caption);
    table.createTBody();
    const detail = doc.createElement('section');
    detail.setAttribute(MARK, 'detail');
    detail.setAttribute('aria-labelledby', 'archivio-domain-detail-title');
    detail.hidden = true;
    const detailTitle = doc.createElement('h3');
    detailTitle.id = 'archivio-domain-detail-title';
    const tablist = doc.createElement('div');
    tablist.setAttribute('role', 'tablist');
    tablist.setAttribute('aria-labelledby', 'archivio-domain-detail-title');
    const panelHost = doc.createElement('div');
    detail.append(detailTitle, tablist, panelHost);
    root.append(title, intro, status, table, detail);
    this.root = root;
    this.tableElement = table;
    this.status = status;
    this.detailElement = detail;
    this.detailTitle = detailTitle;
    this.tablist = tablist;
    this.panelHost = panelHost;
    this.renderRows();
    return root;
  }

  private renderRows(): void {
    const body = this.tableElement?.tBodies[0];
    if (!body || !this.status) return;
    if (this.mailboxes === null) return;
    this.status.textContent = this.mailboxes.length === 0 ? t('postmaster_domainEmpty') : '';
    this.status.hidden = this.mailboxes.length > 0;
    const rows = this.mailboxes.map((address) => {
      const row = this.doc.createElement('tr');
      row.dataset.mailbox = address;
      const cell = this.doc.createElement('th');
      cell.scope = 'row';
      const open = this.doc.createElement('button');
      open.type = 'button';
      open.className = 'button';
      open.textContent = address;
      open.setAttribute('aria-label', t('postmaster_domainOpen', address));
      open.addEventListener('click', () => this.select(address));
      cell.append(open);
      row.append(cell);
      return row;
    });
    body.replaceChildren(...rows);
    this.markSelected();
  }

  private select(address: string | null): void {
    this.selected = address;
    if (this.detailElement && this.detailTitle) {
      this.detailElement.hidden = address === null;
      this.detailTitle.textContent = address ? t('postmaster_domainSettingsOf', address) : '';
    }
    this.markSelected();
    // The controller's scan sees the new detail (its observer hears these changes).
  }

  private markSelected(): void {
    for (const { row, address } of this.rows()) {
      const button = row.querySelector('th > button');
      if (address === this.selected) button?.setAttribute('aria-current', 'true');
      else button?.removeAttribute('aria-current');
    }
  }
}
