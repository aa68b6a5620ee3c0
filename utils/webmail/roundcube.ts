// Adapter for Roundcube 1.6 with its elastic skin: the "Archivio" link joins the task menu, the archive takes the
// whole area right of it (folder list, message list and preview hidden, then put back as they were).
import type { WebmailAdapter } from './adapter';
import { addressIn } from './common';
import { fragmentRoute } from './route';
import * as selectors from './selectors/roundcube';

function isRoundcubePage(doc: Document): boolean {
  return !!doc.querySelector(selectors.layout) && (!!doc.querySelector(selectors.taskMenu) || !!doc.querySelector(selectors.loginForm));
}

export const roundcubeAdapter: WebmailAdapter = {
  id: 'roundcube',
  matches(_url, doc) {
    return isRoundcubePage(doc);
  },
  accountHint(doc) {
    return addressIn(doc.querySelector(selectors.username)?.textContent);
  },
  navigation(doc) {
    return doc.querySelector<HTMLElement>(selectors.taskMenu);
  },
  createNavItem(doc, label) {
    // The same shape as Roundcube's own task links: <a class="…" role="button" href><span class="inner">label</span></a>.
    const control = doc.createElement('a');
    control.className = selectors.navItemClass;
    control.setAttribute('role', 'button');
    control.href = roundcubeAdapter.archiveRoute!.url(new URL(doc.location?.href ?? 'http://127.0.0.1/'), null).hash;
    const inner = doc.createElement('span');
    inner.className = 'inner';
    inner.textContent = label;
    control.append(inner);
    return { item: control, control };
  },
  navCurrentClass: selectors.taskSelectedClass,
  placeNavItem(navigation, item) {
    const special = navigation.querySelector(selectors.specialButtons);
    const settings = navigation.querySelector(selectors.settingsLink);
    if (special && special.parentElement === navigation) navigation.insertBefore(item, special);
    else if (settings && settings.parentElement === navigation) settings.after(item);
    else navigation.append(item);
  },
  contentArea(doc) {
    return doc.querySelector<HTMLElement>(selectors.taskMenu) ? doc.querySelector<HTMLElement>(selectors.layout) : null;
  },
  contentAreaKeeps(doc) {
    return [...doc.querySelectorAll(selectors.layoutMenu)];
  },
  colorScheme(doc) {
    return doc.documentElement.classList.contains(selectors.darkModeClass) ? 'dark' : 'light';
  },
  mailboxTable() {
    return null;
  },
  mailboxRows() {
    return [];
  },
  mailboxDetail() {
    return null;
  },
  domainSettings(doc) {
    const menu = doc.querySelector<HTMLElement>(selectors.settingsMenu);
    const layout = doc.querySelector<HTMLElement>(selectors.layout);
    if (!doc.querySelector(selectors.settingsTask) || !menu || !layout) return null;
    const covered = [selectors.settingsList, selectors.settingsContent].flatMap((selector) => [...doc.querySelectorAll<HTMLElement>(selector)]);
    return {
      menu,
      // Shaped like Roundcube's own entries: <li class="listitem …"><a role="button" href>label</a></li>.
      createEntry(document, label) {
        const item = document.createElement('li');
        item.className = 'listitem archivio';
        const control = document.createElement('a');
        control.setAttribute('role', 'button');
        control.href = '#archivio-dominio';
        control.textContent = label;
        item.append(control);
        return { item, control };
      },
      isHostEntry: (item) => item.matches(selectors.settingsEntry) && !item.classList.contains('archivio'),
      covered,
      container: layout,
      selectedClass: selectors.settingsSelectedClass,
    };
  },
  archiveRoute: { ...fragmentRoute(selectors.archiveRoutePrefix), keptOnHostReplace: true },
  isSignedOut(doc) {
    return !!doc.querySelector(`${selectors.loginForm} ${selectors.loginUser}`) && !doc.querySelector(selectors.taskMenu);
  },
  keepsArchiveOpen(control) {
    return control.matches(selectors.inPlaceButtons);
  },
  watchRoots(doc) {
    return [doc.querySelector(selectors.layout) ?? doc.body];
  },
};
