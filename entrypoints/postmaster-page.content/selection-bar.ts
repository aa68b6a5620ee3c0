// The bar above the mailbox table while mailboxes are selected: how many, "Gestisci l'archivio…", clear.
import type { ColorScheme } from '@/utils/frames/scheme';
import { formatLocale, pluralKey } from '@/utils/format';
import { t } from '@/utils/i18n';

const BAR_CSS = `
:host { display: block; margin: 0 0 10px; font: inherit; color: inherit; }
:host([hidden]) { display: none; }
.bar { display: flex; align-items: center; flex-wrap: wrap; gap: 10px; padding: 8px 12px; border-radius: 8px;
  background: #e3eefa; color: #1b2733; border: 1px solid #b9c6d3; }
:host([data-scheme="dark"]) .bar { background: #1c3350; color: #e3eaf1; border-color: #3a4b5e; }
.count { font-weight: 600; margin-right: auto; }
button { font: inherit; font-size: 14px; padding: 6px 12px; border-radius: 6px; cursor: pointer; border: 1px solid #0061b0; }
.primary { background: #0061b0; color: #fff; }
.secondary { background: transparent; color: inherit; border-color: currentColor; }
button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
`;

export class SelectionBar {
  readonly element: HTMLElement;
  private readonly count: HTMLElement;
  readonly manage: HTMLButtonElement;

  constructor(onManage: (button: HTMLElement) => void, onClear: () => void) {
    this.element = document.createElement('div');
    this.element.setAttribute('data-archivio-bulk-bar', '');
    this.element.hidden = true;
    const shadow = this.element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = BAR_CSS;
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', t('postmaster_bulkBarLabel'));
    this.count = document.createElement('span');
    this.count.className = 'count';
    this.count.setAttribute('role', 'status');
    this.manage = document.createElement('button');
    this.manage.type = 'button';
    this.manage.className = 'primary';
    this.manage.textContent = t('postmaster_bulkManage');
    this.manage.addEventListener('click', () => onManage(this.manage));
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'secondary';
    clear.textContent = t('postmaster_bulkClear');
    clear.addEventListener('click', onClear);
    bar.append(this.count, this.manage, clear);
    shadow.append(style, bar);
  }

  /** Keeps the bar right above the table (inserting it only when it is not already there). */
  place(table: HTMLElement, scheme: ColorScheme): void {
    if (table.previousElementSibling !== this.element) table.before(this.element);
    if (this.element.dataset.scheme !== scheme) this.element.dataset.scheme = scheme;
  }

  update(selected: number): void {
    this.element.hidden = selected === 0;
    this.count.textContent = selected === 0 ? '' : t(pluralKey('postmaster_bulkSelected', selected, formatLocale()), selected);
  }

  remove(): void {
    this.element.remove();
  }
}
