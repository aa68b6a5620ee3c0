// The "Spazio archivio" column and the row checkboxes added to Gestione → Caselle's mailbox table.
import type { ColorScheme } from '@/utils/frames/scheme';
import { t } from '@/utils/i18n';
import type { MailboxRow } from '@/utils/webmail/adapter';
import { CELL_CSS, renderCell, type MailboxArchive } from './cell-content';

const MARK = 'data-archivio-cell';
const SELECT = 'select';
const SPACE = 'spazio-archivio';
/** Events that must not reach the host's row handlers (a click on our controls would open the detail). */
const CONTAINED_EVENTS = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup'] as const;

export interface ColumnCallbacks {
  onEnable(mailbox: string, button: HTMLElement): void;
  onSelectionChange(selected: ReadonlySet<string>): void;
}

/** Archive data by lower-cased address: undefined while loading, null when the provider does not list the mailbox. */
export type ArchiveData = Map<string, MailboxArchive> | null;

export class MailboxColumn {
  readonly selected = new Set<string>();
  private table: HTMLTableElement | null = null;
  private rows: MailboxRow[] = [];
  private data: ArchiveData = null;
  private scheme: ColorScheme = 'light';

  constructor(private readonly callbacks: ColumnCallbacks) {}

  /** Adds what is missing (header cells, one cell pair per row); touches nothing that is already in place. */
  attach(table: HTMLTableElement, rows: MailboxRow[], scheme: ColorScheme): void {
    this.table = table;
    this.rows = rows;
    this.scheme = scheme;
    const headerRow = table.tHead?.rows[0] ?? null;
    if (headerRow && !headerRow.querySelector(`[${MARK}="${SPACE}"]`)) {
      headerRow.prepend(this.headerSelectCell());
      const th = document.createElement('th');
      th.setAttribute(MARK, SPACE);
      th.scope = 'col';
      th.textContent = t('postmaster_columnTitle');
      headerRow.append(th);
    }
    const present = new Set(rows.map((row) => row.address));
    for (const mailbox of [...this.selected]) if (!present.has(mailbox)) this.selected.delete(mailbox);
    for (const { row, address } of rows) {
      if (row.getAttribute('data-archivio-mailbox') === address && row.querySelector(`:scope > [${MARK}="${SPACE}"]`)) continue;
      for (const old of row.querySelectorAll(`:scope > [${MARK}]`)) old.remove();
      row.setAttribute('data-archivio-mailbox', address);
      row.prepend(this.rowSelectCell(address));
      row.append(this.spaceCell(address));
    }
    this.render();
    this.syncSelection();
  }

  setData(data: ArchiveData): void {
    this.data = data;
    this.render();
  }

  clearSelection(): void {
    this.selected.clear();
    this.syncSelection();
    this.callbacks.onSelectionChange(this.selected);
  }

  /** Removes everything the column added (extension reloaded or the user is no longer the postmaster). */
  detach(): void {
    this.table?.querySelectorAll(`[${MARK}]`).forEach((cell) => cell.remove());
    this.table?.querySelectorAll('[data-archivio-mailbox]').forEach((row) => row.removeAttribute('data-archivio-mailbox'));
    this.table = null;
    this.rows = [];
  }

  private render(): void {
    for (const { row, address } of this.rows) {
      const host = row.querySelector<HTMLElement>(`:scope > [${MARK}="${SPACE}"] > [data-archivio-host]`);
      const root = host?.shadowRoot;
      if (!host || !root) continue;
      const archive = this.data === null ? undefined : (this.data.get(address) ?? null);
      const signature = JSON.stringify([archive ?? String(archive), this.scheme]);
      if (host.dataset.signature === signature) continue;
      host.dataset.signature = signature;
      host.dataset.scheme = this.scheme;
      renderCell(root, address, archive, (button) => this.callbacks.onEnable(address, button));
    }
  }

  private syncSelection(): void {
    if (!this.table) return;
    for (const { row, address } of this.rows) {
      const box = checkboxIn(row.querySelector(`:scope > [${MARK}="${SELECT}"]`));
      if (box) box.checked = this.selected.has(address);
    }
    const all = checkboxIn(this.table.tHead?.querySelector(`[${MARK}="${SELECT}"]`) ?? null);
    if (all) {
      all.checked = this.rows.length > 0 && this.selected.size === this.rows.length;
      all.indeterminate = this.selected.size > 0 && this.selected.size < this.rows.length;
    }
  }

  private headerSelectCell(): HTMLElement {
    const th = document.createElement('th');
    th.setAttribute(MARK, SELECT);
    th.scope = 'col';
    const box = this.checkboxHost(th, t('postmaster_selectAll'));
    box.addEventListener('change', () => {
      if (box.checked) for (const { address } of this.rows) this.selected.add(address);
      else this.selected.clear();
      this.syncSelection();
      this.callbacks.onSelectionChange(this.selected);
    });
    return th;
  }

  private rowSelectCell(address: string): HTMLElement {
    const td = document.createElement('td');
    td.setAttribute(MARK, SELECT);
    const box = this.checkboxHost(td, t('postmaster_selectMailbox', address));
    box.addEventListener('change', () => {
      if (box.checked) this.selected.add(address);
      else this.selected.delete(address);
      this.syncSelection();
      this.callbacks.onSelectionChange(this.selected);
    });
    return td;
  }

  private spaceCell(address: string): HTMLElement {
    const td = document.createElement('td');
    td.setAttribute(MARK, SPACE);
    const host = document.createElement('span');
    host.setAttribute('data-archivio-host', '');
    host.dataset.mailbox = address;
    host.attachShadow({ mode: 'open' });
    contain(td);
    td.append(host);
    return td;
  }

  private checkboxHost(cell: HTMLElement, label: string): HTMLInputElement {
    const host = document.createElement('span');
    host.setAttribute('data-archivio-host', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CELL_CSS;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.setAttribute('aria-label', label);
    shadow.append(style, box);
    contain(cell);
    cell.append(host);
    return box;
  }
}

function checkboxIn(cell: Element | null): HTMLInputElement | null {
  return cell?.querySelector('[data-archivio-host]')?.shadowRoot?.querySelector('input[type="checkbox"]') ?? null;
}

function contain(cell: HTMLElement): void {
  for (const type of CONTAINED_EVENTS) cell.addEventListener(type, (event) => event.stopPropagation());
}
