// The signed-in header: main navigation (Posta, Rubrica, Impostazioni, Gestione, Esci) and the account badge.
import type { Account } from './api';
import { h } from './dom';
import type { ViewName } from './route';

const mainNavLabel = 'Navigazione principale';
const ownSections = ['posta', 'rubrica', 'impostazioni', 'gestione'];

export function mountShell(account: Account, onSignOut: () => void): void {
  unmountShell();
  const header = document.querySelector('header.topbar');
  if (!header) return;
  const link = (view: ViewName, label: string, hash: string) => h('li', null, h('a', { attrs: { href: hash, 'data-nav': view } }, label));
  const nav = h(
    'nav',
    { attrs: { 'aria-label': mainNavLabel, class: 'main-nav' } },
    h(
      'ul',
      null,
      link('posta', 'Posta', '#/posta/inbox'),
      link('rubrica', 'Rubrica', '#/rubrica'),
      link('impostazioni', 'Impostazioni', '#/impostazioni'),
      account.role === 'postmaster' ? link('gestione', 'Gestione', '#/gestione/caselle') : null,
      h('li', null, h('button', { attrs: { type: 'button', 'data-nav': 'esci' }, on: { click: onSignOut } }, 'Esci')),
    ),
  );
  const badge = h(
    'div',
    { attrs: { class: 'account', 'data-account': account.address, 'data-role': account.role } },
    h('span', { attrs: { class: 'account-avatar', 'aria-hidden': 'true' } }, initials(account)),
    h(
      'span',
      { attrs: { class: 'account-text' } },
      h('span', { attrs: { class: 'account-name' } }, account.displayName || account.address),
      h('span', { attrs: { class: 'account-address' } }, account.address),
    ),
  );
  header.append(nav, badge);
  const domain = header.querySelector('.brand-domain');
  if (domain) domain.textContent = account.domain;
}

export function unmountShell(): void {
  document.querySelector(`header.topbar nav[aria-label="${mainNavLabel}"]`)?.remove();
  document.querySelector('header.topbar [data-account]')?.remove();
}

/** Marks the current section; items the app did not create (e.g. injected ones) are left alone. */
export function markCurrent(view: ViewName): void {
  document.querySelectorAll<HTMLElement>(`nav[aria-label="${mainNavLabel}"] a[data-nav]`).forEach((link) => {
    if (!ownSections.includes(link.dataset.nav ?? '')) return;
    if (link.dataset.nav === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

function initials(account: Account): string {
  const source = account.displayName || account.address;
  const words = source.split(/[\s.@]+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '?';
}
