// Adapter for the provider's real webmail (Angular, aru-* custom elements with open shadow roots); null anchors when
// the best-known hooks stop holding, so the fallback launcher takes over.
import type { MailboxDetail, WebmailAdapter } from './adapter';
import { addressIn, rowsWithAddress, themeOf } from './common';
import { fragmentRoute } from './route';
import * as selectors from './selectors/aruba';
import { deepFind, deepQuery, deepQueryAll, deepQueryFirst, shadowRootsAbove } from './shadow';

/** The parent element, or the shadow host when `element` is at the top of a shadow root. */
function parentAcrossShadow(element: Element): HTMLElement | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? (root.host as HTMLElement) : null;
}

function labelOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function hasHostLabel(list: HTMLElement): boolean {
  const labels: readonly string[] = selectors.navigationLabels;
  return [...list.querySelectorAll(selectors.navigationControls)].some((control) => labels.includes(labelOf(control)));
}

function findNavigation(doc: Document): HTMLElement | null {
  for (const hostName of selectors.navbarHosts) {
    for (const host of deepQueryAll(doc, hostName)) {
      const root = host.shadowRoot ?? host;
      for (const selector of selectors.navigationLists) {
        const list = [...root.querySelectorAll<HTMLElement>(selector)].find(hasHostLabel);
        if (list) return list;
      }
    }
  }
  // The custom-element names changed: any navigation list that holds the webmail's own labels.
  for (const selector of selectors.navigationLists) {
    const list = deepFind<HTMLElement>(doc, selector, hasHostLabel);
    if (list) return list;
  }
  return null;
}

/** A copy of a host item with our label and none of the host's icons, ids, routes or "current" state. */
function cloneItem(model: HTMLElement, label: string): { item: HTMLElement; control: HTMLElement } {
  const item = model.cloneNode(true) as HTMLElement;
  item.querySelectorAll(selectors.navigationItemDecorations).forEach((decoration) => decoration.remove());
  for (const element of [item, ...item.querySelectorAll<HTMLElement>('*')]) {
    for (const name of element.getAttributeNames()) {
      if (/^(id|href|routerlink|aria-current|aria-selected|aria-controls|tabindex)$/i.test(name) || name.startsWith('ng-reflect-')) {
        element.removeAttribute(name);
      }
    }
    for (const token of [...element.classList]) if (selectors.navigationStateClasses.test(token)) element.classList.remove(token);
  }
  const control = item.matches(selectors.navigationControls) ? item : (item.querySelector<HTMLElement>(selectors.navigationControls) ?? item);
  const texts = [...control.querySelectorAll<HTMLElement>('*')].filter((element) => element.children.length === 0 && labelOf(element) !== '');
  const labelHolder = texts[0] ?? control;
  for (const other of texts.slice(1)) other.remove();
  for (const node of [...control.childNodes]) if (node.nodeType === Node.TEXT_NODE) node.remove();
  labelHolder.textContent = label;
  return { item, control };
}

export const arubaAdapter: WebmailAdapter = {
  id: 'aruba',
  matches(url, doc) {
    return url.origin === selectors.origin && url.pathname.startsWith(selectors.appPath) && !!doc.body;
  },
  accountHint(doc) {
    for (const selector of selectors.accountCandidates) {
      for (const candidate of deepQueryAll(doc, selector)) {
        const address =
          addressIn(candidate.getAttribute('title')) ?? addressIn(candidate.getAttribute('aria-label')) ?? addressIn(labelOf(candidate));
        if (address) return address;
      }
    }
    return null;
  },
  navigation: findNavigation,
  createNavItem(doc, label) {
    const list = findNavigation(doc);
    const model = [...(list?.children ?? [])].find((child): child is HTMLElement => child.matches(selectors.navigationItems));
    if (model) return cloneItem(model, label);
    const item = doc.createElement('li');
    const control = doc.createElement('a');
    control.textContent = label;
    item.append(control);
    return { item, control };
  },
  contentArea(doc) {
    return deepQueryFirst(doc, selectors.contentAreas);
  },
  colorScheme(doc) {
    return themeOf(doc, selectors.themeAttribute);
  },
  mailboxTable(doc) {
    const headers: readonly string[] = selectors.mailboxTableHeaders;
    return deepFind<HTMLTableElement>(doc, selectors.mailboxTable, (table) =>
      [...table.querySelectorAll('th')].some((cell) => headers.includes(labelOf(cell))),
    );
  },
  mailboxRows(table) {
    return rowsWithAddress(table.querySelectorAll<HTMLElement>(selectors.mailboxRows), (row) => {
      for (const cell of row.querySelectorAll('td')) {
        const address = addressIn(labelOf(cell));
        if (address) return address;
      }
      return null;
    });
  },
  mailboxDetail(doc): MailboxDetail | null {
    const tabLabels: readonly string[] = selectors.mailboxDetailTabLabels;
    const tablist = deepFind<HTMLElement>(doc, selectors.mailboxDetailTablist, (candidate) =>
      [...candidate.querySelectorAll('[role="tab"]')].some((tab) => tabLabels.includes(labelOf(tab))),
    );
    if (!tablist) return null;
    // The detail is the tablist's nearest ancestor that names the mailbox in a title.
    let scope = parentAcrossShadow(tablist);
    let address: string | null = null;
    // A few levels only: higher up, the user menu's own address would be mistaken for the mailbox's.
    for (let level = 0; scope && level < 6; level += 1) {
      address = [...scope.querySelectorAll(selectors.mailboxDetailTitle)].map((title) => addressIn(labelOf(title))).find(Boolean) ?? null;
      if (address) break;
      scope = parentAcrossShadow(scope);
    }
    if (!address || !scope) return null;
    const panel = deepQuery<HTMLElement>(scope, selectors.mailboxDetailPanels);
    return { address, tablist, panelHost: panel?.parentElement ?? parentAcrossShadow(tablist) ?? tablist };
  },
  archiveRoute: fragmentRoute(selectors.archiveRoutePrefix),
  isSignedOut(doc) {
    return !!deepQuery(doc, selectors.signInField) && !findNavigation(doc);
  },
  watchRoots(doc) {
    const roots: Node[] = [doc.body];
    const navigation = findNavigation(doc);
    if (navigation) roots.push(...shadowRootsAbove(navigation));
    return roots;
  },
};
