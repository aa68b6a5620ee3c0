// Adapter for the reference provider's demo webmail (server/webmail): hash routes, plain light-DOM markup.
import type { MailboxDetail, WebmailAdapter } from './adapter';
import { addressIn, rowsWithAddress, themeOf } from './common';
import { fragmentRoute } from './route';
import * as selectors from './selectors/demo';

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

export const demoAdapter: WebmailAdapter = {
  id: 'demo',
  matches(url, doc) {
    return isLoopback(url) && !!doc.querySelector(selectors.topBar) && !!doc.querySelector(selectors.contentArea);
  },
  accountHint(doc) {
    const badge = doc.querySelector<HTMLElement>(selectors.account);
    return addressIn(badge?.getAttribute('data-account'));
  },
  navigation(doc) {
    return doc.querySelector<HTMLElement>(selectors.mainNavigationList);
  },
  createNavItem(doc, label) {
    const item = doc.createElement('li');
    const control = doc.createElement('a');
    control.href = demoAdapter.archiveRoute!.url(new URL(doc.location?.href ?? 'http://127.0.0.1/'), null).hash;
    control.textContent = label;
    item.append(control);
    return { item, control };
  },
  placeNavItem(navigation, item) {
    const signOut = navigation.querySelector(selectors.signOutControl)?.closest('li');
    if (signOut && signOut.parentElement === navigation) navigation.insertBefore(item, signOut);
    else navigation.append(item);
  },
  contentArea(doc) {
    return doc.querySelector<HTMLElement>(selectors.contentArea);
  },
  colorScheme(doc) {
    return themeOf(doc, selectors.themeAttribute);
  },
  mailboxTable(doc) {
    return doc.querySelector<HTMLTableElement>(selectors.mailboxTable);
  },
  mailboxRows(table) {
    return rowsWithAddress(table.querySelectorAll<HTMLElement>(selectors.mailboxRow), (row) => addressIn(row.dataset.mailbox));
  },
  mailboxDetail(doc): MailboxDetail | null {
    const detail = doc.querySelector<HTMLElement>(selectors.mailboxDetail);
    const address = addressIn(detail?.dataset.mailbox);
    const tablist = detail?.querySelector<HTMLElement>(selectors.mailboxTabs);
    if (!detail || !address || !tablist) return null;
    const panelHost = detail.querySelector<HTMLElement>(selectors.mailboxTabPanels) ?? tablist.parentElement ?? detail;
    return { address, tablist, panelHost };
  },
  archiveRoute: fragmentRoute(selectors.archiveRoutePrefix),
  isSignedOut(doc) {
    return !!doc.querySelector(selectors.signInForm) && !doc.querySelector(selectors.account);
  },
  watchRoots(doc) {
    const topBar = doc.querySelector(selectors.topBar);
    return [topBar ?? doc.body];
  },
};
