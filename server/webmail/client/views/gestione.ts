// Gestione (postmaster): "Caselle" table of the domain's mailboxes and a mailbox detail with Generale/Alias/Inoltro tabs.
import { api, type MailboxInfo } from '../api';
import { h, replaceChildren } from '../dom';
import { bytes } from '../format';
import { routeHash, type AppContext, type Route, type View } from '../route';
import { enableTabs, findTab, selectTab } from '../tabs';

const builtInTabs: Array<[slug: string, label: string]> = [
  ['generale', 'Generale'],
  ['alias', 'Alias'],
  ['inoltro', 'Inoltro'],
];
const interactive = 'a, button, input, select, textarea, label, summary, [role="switch"], [role="button"], [role="checkbox"]';

export function mountGestione(element: HTMLElement, route: Route, ctx: AppContext): View {
  const content = h('div', { attrs: { class: 'gestione-content' } });
  element.append(
    h(
      'div',
      { attrs: { class: 'gestione' } },
      h(
        'aside',
        { attrs: { class: 'subnav' } },
        h(
          'nav',
          { attrs: { 'aria-label': 'Menu Gestione' } },
          h('ul', null, h('li', null, h('a', { attrs: { href: '#/gestione/caselle', 'data-nav': 'caselle', 'aria-current': 'page' } }, 'Caselle'))),
        ),
      ),
      content,
    ),
  );

  let shownDetail: { address: string; tablist: HTMLElement } | null = null;
  let waitingForTab: MutationObserver | null = null;

  const stopWaiting = () => {
    waitingForTab?.disconnect();
    waitingForTab = null;
  };

  /** Selects the tab named in the route; a tab not there yet (added later by an extension) is selected on arrival. */
  function selectFromRoute(tablist: HTMLElement, slug: string): void {
    stopWaiting();
    const tab = findTab(tablist, slug);
    if (tab) {
      selectTab(tablist, tab);
      return;
    }
    const fallback = findTab(tablist, 'generale');
    if (fallback) selectTab(tablist, fallback);
    waitingForTab = new MutationObserver(() => {
      const arrived = findTab(tablist, slug);
      if (!arrived) return;
      stopWaiting();
      selectTab(tablist, arrived);
    });
    waitingForTab.observe(tablist, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-tab'] });
  }

  function showList(): void {
    shownDetail = null;
    stopWaiting();
    const body = h('tbody', null, h('tr', null, h('td', { attrs: { colspan: '3', class: 'muted' } }, 'Caricamento…')));
    body.addEventListener('click', (event) => {
      const target = event.target as Element | null;
      const row = target?.closest<HTMLElement>('tr[data-mailbox]');
      if (!row || target?.closest(interactive)) return;
      ctx.navigate(routeHash('gestione', 'caselle', row.dataset.mailbox ?? '', 'generale'));
    });
    const table = h(
      'table',
      { attrs: { id: 'mailbox-table', class: 'data-table mailbox-table' } },
      h('caption', { attrs: { class: 'visually-hidden' } }, `Caselle del dominio ${ctx.account.domain}`),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { attrs: { scope: 'col', 'data-column': 'casella' } }, 'Casella'),
          h('th', { attrs: { scope: 'col', 'data-column': 'nome' } }, 'Nome'),
          h('th', { attrs: { scope: 'col', 'data-column': 'spazio' } }, 'Spazio usato'),
        ),
      ),
      body,
    );
    const status = h('div', null);
    replaceChildren(
      content,
      h(
        'section',
        { attrs: { id: 'mailbox-list', class: 'panel', 'aria-labelledby': 'caselle-title' } },
        h('h1', { attrs: { id: 'caselle-title', tabindex: '-1' } }, 'Caselle'),
        h('p', { attrs: { class: 'muted' } }, `Le caselle di posta del dominio ${ctx.account.domain}.`),
        status,
        h('div', { attrs: { class: 'table-wrap' } }, table),
      ),
    );
    api.mailboxes().then(
      ({ mailboxes }) => {
        replaceChildren(
          body,
          ...mailboxes.map((mailbox) =>
            h(
              'tr',
              { attrs: { 'data-mailbox': mailbox.address } },
              h(
                'td',
                { attrs: { 'data-column': 'casella' } },
                h('a', { attrs: { href: routeHash('gestione', 'caselle', mailbox.address, 'generale') } }, mailbox.address),
              ),
              h('td', { attrs: { 'data-column': 'nome' } }, mailbox.displayName),
              h('td', { attrs: { 'data-column': 'spazio' } }, usage(mailbox)),
            ),
          ),
        );
      },
      (error: unknown) => {
        replaceChildren(body);
        ctx.fail(error, status);
      },
    );
  }

  function showDetail(address: string, slug: string): void {
    stopWaiting();
    const tablist = h(
      'div',
      { attrs: { role: 'tablist', id: 'mailbox-tabs', 'aria-label': 'Impostazioni della casella' } },
      ...builtInTabs.map(([tabSlug, label], index) =>
        h(
          'button',
          {
            attrs: {
              type: 'button',
              role: 'tab',
              id: `tab-${tabSlug}`,
              'data-tab': tabSlug,
              'aria-controls': `panel-${tabSlug}`,
              'aria-selected': String(index === 0),
              tabindex: index === 0 ? '0' : '-1',
            },
          },
          label,
        ),
      ),
    );
    const panels = builtInTabs.map(([tabSlug], index) =>
      h(
        'div',
        {
          attrs: { role: 'tabpanel', id: `panel-${tabSlug}`, 'aria-labelledby': `tab-${tabSlug}`, tabindex: '0', hidden: index !== 0 },
        },
        h('p', { attrs: { class: 'muted' } }, 'Caricamento…'),
      ),
    );
    const title = h('h1', { attrs: { id: 'mailbox-title', tabindex: '-1' } }, address);
    const subtitle = h('p', { attrs: { class: 'muted' } });
    replaceChildren(
      content,
      h(
        'section',
        { attrs: { id: 'mailbox-detail', class: 'panel', 'data-mailbox': address, 'aria-labelledby': 'mailbox-title' } },
        h('a', { attrs: { class: 'back-link', href: '#/gestione/caselle' } }, '← Tutte le caselle'),
        title,
        subtitle,
        tablist,
        h('div', { attrs: { class: 'tabpanels', id: 'mailbox-tabpanels' } }, ...panels),
      ),
    );
    enableTabs(tablist, (tab) => {
      if (tab.dataset.tab) ctx.navigate(routeHash('gestione', 'caselle', address, tab.dataset.tab), { replace: true });
    });
    shownDetail = { address, tablist };
    selectFromRoute(tablist, slug);

    api.mailboxes().then(
      ({ mailboxes }) => {
        const mailbox = mailboxes.find((candidate) => candidate.address.toLowerCase() === address.toLowerCase());
        const [general, aliases, forwards] = panels;
        if (!general || !aliases || !forwards) return;
        if (!mailbox) {
          replaceChildren(general, h('p', { attrs: { class: 'error', role: 'alert' } }, 'Casella non trovata.'));
          replaceChildren(aliases);
          replaceChildren(forwards);
          return;
        }
        subtitle.textContent = mailbox.displayName;
        replaceChildren(
          general,
          h(
            'dl',
            { attrs: { class: 'details' } },
            h('dt', null, 'Indirizzo'),
            h('dd', null, mailbox.address),
            h('dt', null, 'Nome'),
            h('dd', null, mailbox.displayName),
            h('dt', null, 'Spazio usato'),
            h('dd', null, usage(mailbox)),
          ),
        );
        replaceChildren(
          aliases,
          h('h2', null, 'Alias'),
          h('p', { attrs: { class: 'muted' } }, 'Indirizzi aggiuntivi che recapitano in questa casella.'),
          addressList(mailbox.aliases, 'Nessun alias configurato.'),
        );
        replaceChildren(
          forwards,
          h('h2', null, 'Inoltro'),
          h('p', { attrs: { class: 'muted' } }, 'Indirizzi inoltrati (redirect) verso questa casella.'),
          addressList(mailbox.forwards, 'Nessun inoltro configurato.'),
        );
      },
      (error: unknown) => {
        if (panels[0]) ctx.fail(error, panels[0]);
      },
    );
  }

  function apply(next: Route): boolean {
    const [section, address, slug = 'generale'] = next.parts;
    if (section !== 'caselle') {
      ctx.navigate('#/gestione/caselle', { replace: true });
      return true;
    }
    if (!address) {
      showList();
    } else if (shownDetail && shownDetail.address === address && content.contains(shownDetail.tablist)) {
      selectFromRoute(shownDetail.tablist, slug);
    } else {
      showDetail(address, slug);
    }
    return true;
  }

  apply(route);
  return { update: apply, destroy: stopWaiting };
}

function usage(mailbox: MailboxInfo): HTMLElement {
  const text = mailbox.quotaBytes ? `${bytes(mailbox.usedBytes)} di ${bytes(mailbox.quotaBytes)}` : `${bytes(mailbox.usedBytes)} (senza limite)`;
  return h(
    'span',
    { attrs: { class: 'usage' } },
    text,
    mailbox.quotaBytes
      ? h('meter', {
          attrs: {
            min: '0',
            max: String(mailbox.quotaBytes),
            value: String(mailbox.usedBytes),
            high: String(mailbox.quotaBytes * 0.9),
            'aria-label': 'Spazio usato',
          },
        })
      : null,
  );
}

function addressList(addresses: string[], empty: string): HTMLElement {
  if (addresses.length === 0) return h('p', null, empty);
  return h('ul', { attrs: { class: 'address-list' } }, ...addresses.map((address) => h('li', null, address)));
}
