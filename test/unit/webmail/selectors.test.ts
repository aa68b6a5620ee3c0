// Every selector of every webmail adapter against the fixtures it was written for, with the number of matches
// expected there (shadow roots included). A selector module's new export fails here until it has a row.
import { describe, expect, it } from 'vitest';
import * as aruba from '@/utils/webmail/selectors/aruba';
import * as demo from '@/utils/webmail/selectors/demo';
import * as roundcube from '@/utils/webmail/selectors/roundcube';
import { deepQueryAll } from '@/utils/webmail/shadow';
import { loadFixture } from './fixture';

/** One selector (or each of a list of selectors) in one fixture, and how many elements it matches there. */
interface Row {
  selector: string;
  fixture: string;
  count: number;
}

interface SelectorModule {
  name: string;
  module: Record<string, unknown>;
  rows: Record<string, Row[]>;
  /** Exports that are not CSS selectors (origins, paths, labels, attribute names, routes, patterns). */
  notSelectors: string[];
}

const DEMO_INBOX = 'demo-2026-11-29-inbox.html';
const DEMO_LOGIN = 'demo-2026-11-29-login.html';
const DEMO_CASELLE = 'demo-2026-11-29-caselle.html';
const DEMO_DETAIL = 'demo-2026-11-29-detail.html';
const ARUBA_MAIL = 'aruba-2026-11-29-mail.html';
const ARUBA_LIST = 'aruba-2026-11-29-management-list.html';
const ARUBA_DETAIL = 'aruba-2026-11-29-management-detail.html';

const RC_MAIL = 'roundcube-2026-12-02-mail.html';
const RC_SETTINGS = 'roundcube-2026-12-02-settings.html';
const RC_LOGIN = 'roundcube-2026-12-02-login.html';
const RC_DARK = 'roundcube-2026-12-02-mail-dark.html';

const row = (selector: string, fixture: string, count: number): Row => ({ selector, fixture, count });

const MODULES: SelectorModule[] = [
  {
    name: 'demo',
    module: demo,
    notSelectors: ['themeAttribute', 'archiveRoutePrefix'],
    rows: {
      topBar: [row(demo.topBar, DEMO_INBOX, 1), row(demo.topBar, DEMO_LOGIN, 1)],
      mainNavigation: [row(demo.mainNavigation, DEMO_INBOX, 1), row(demo.mainNavigation, DEMO_LOGIN, 0)],
      mainNavigationList: [row(demo.mainNavigationList, DEMO_INBOX, 1), row(demo.mainNavigationList, DEMO_CASELLE, 1)],
      hostNavControls: [row(demo.hostNavControls, DEMO_INBOX, 4)],
      signOutControl: [row(demo.signOutControl, DEMO_INBOX, 1), row(demo.signOutControl, DEMO_LOGIN, 0)],
      account: [row(demo.account, DEMO_INBOX, 1)],
      contentArea: [row(demo.contentArea, DEMO_INBOX, 1), row(demo.contentArea, DEMO_LOGIN, 1)],
      signInForm: [row(demo.signInForm, DEMO_LOGIN, 1), row(demo.signInForm, DEMO_INBOX, 0)],
      mailboxTable: [row(demo.mailboxTable, DEMO_CASELLE, 1), row(demo.mailboxTable, DEMO_INBOX, 0)],
      mailboxRow: [row(`${demo.mailboxTable} ${demo.mailboxRow}`, DEMO_CASELLE, 4)],
      mailboxDetail: [row(demo.mailboxDetail, DEMO_DETAIL, 1), row(demo.mailboxDetail, DEMO_CASELLE, 0)],
      mailboxTabs: [row(demo.mailboxTabs, DEMO_DETAIL, 1)],
      mailboxTabPanels: [row(demo.mailboxTabPanels, DEMO_DETAIL, 1)],
    },
  },
  {
    name: 'aruba',
    module: aruba,
    notSelectors: [
      'origin',
      'appPath',
      'managementPath',
      'navigationLabels',
      'navigationStateClasses',
      'themeAttribute',
      'mailboxTableHeaders',
      'mailboxDetailTabLabels',
      'archiveRoutePrefix',
    ],
    rows: {
      navbarHosts: [row(aruba.navbarHosts.join(', '), ARUBA_MAIL, 1), row(aruba.navbarHosts.join(', '), ARUBA_LIST, 1)],
      navigationLists: aruba.navigationLists.map((selector, index) => row(selector, ARUBA_MAIL, [1, 0, 0, 0, 0][index] ?? 0)),
      navigationItems: [row(aruba.navigationItems, ARUBA_MAIL, 13)],
      navigationControls: [row(aruba.navigationControls, ARUBA_MAIL, 9)],
      navigationItemDecorations: [row(aruba.navigationItemDecorations, ARUBA_MAIL, 5)],
      contentAreas: aruba.contentAreas.map((selector, index) => row(selector, ARUBA_MAIL, [1, 0, 0, 0][index] ?? 0)),
      accountCandidates: aruba.accountCandidates.map((selector, index) => row(selector, ARUBA_MAIL, [0, 0, 1, 1, 0][index] ?? 0)),
      signInField: [row(aruba.signInField, ARUBA_MAIL, 0)],
      mailboxTable: [row(aruba.mailboxTable, ARUBA_LIST, 1), row(aruba.mailboxTable, ARUBA_MAIL, 0)],
      mailboxRows: [row(`${aruba.mailboxTable} ${aruba.mailboxRows}`, ARUBA_LIST, 3)],
      mailboxDetailTablist: [row(aruba.mailboxDetailTablist, ARUBA_DETAIL, 1)],
      mailboxDetailTitle: [row(aruba.mailboxDetailTitle, ARUBA_DETAIL, 1)],
      mailboxDetailPanels: [row(aruba.mailboxDetailPanels, ARUBA_DETAIL, 3)],
    },
  },
  {
    name: 'roundcube',
    module: roundcube,
    notSelectors: ['darkModeClass', 'archiveRoutePrefix', 'navItemClass', 'settingsSelectedClass', 'taskSelectedClass'],
    rows: {
      layout: [row(roundcube.layout, RC_MAIL, 1), row(roundcube.layout, RC_SETTINGS, 1), row(roundcube.layout, RC_LOGIN, 1)],
      layoutMenu: [row(roundcube.layoutMenu, RC_MAIL, 1), row(roundcube.layoutMenu, RC_SETTINGS, 1), row(roundcube.layoutMenu, RC_LOGIN, 0)],
      taskMenu: [row(roundcube.taskMenu, RC_MAIL, 1), row(roundcube.taskMenu, RC_SETTINGS, 1), row(roundcube.taskMenu, RC_LOGIN, 0)],
      taskLinks: [
        row(`${roundcube.taskMenu} :is(${roundcube.taskLinks})`, RC_MAIL, 3),
        row(`${roundcube.taskMenu} :is(${roundcube.taskLinks})`, RC_SETTINGS, 3),
      ],
      settingsLink: [row(`${roundcube.taskMenu} ${roundcube.settingsLink}`, RC_MAIL, 1)],
      specialButtons: [
        row(`${roundcube.taskMenu} > ${roundcube.specialButtons}`, RC_MAIL, 1),
        row(`${roundcube.taskMenu} > ${roundcube.specialButtons}`, RC_DARK, 1),
      ],
      logoutLink: [row(`${roundcube.taskMenu} ${roundcube.logoutLink}`, RC_MAIL, 1)],
      inPlaceButtons: [row(`${roundcube.taskMenu} :is(${roundcube.inPlaceButtons})`, RC_MAIL, 2)],
      username: [row(roundcube.username, RC_MAIL, 1), row(roundcube.username, RC_DARK, 1), row(roundcube.username, RC_SETTINGS, 0)],
      loginForm: [row(roundcube.loginForm, RC_LOGIN, 1), row(roundcube.loginForm, RC_MAIL, 0)],
      loginUser: [row(roundcube.loginUser, RC_LOGIN, 1)],
      settingsTask: [row(roundcube.settingsTask, RC_SETTINGS, 1), row(roundcube.settingsTask, RC_MAIL, 0)],
      settingsMenu: [row(roundcube.settingsMenu, RC_SETTINGS, 1), row(roundcube.settingsMenu, RC_MAIL, 0)],
      settingsEntry: [row(`${roundcube.settingsMenu} > ${roundcube.settingsEntry}`, RC_SETTINGS, 4)],
      settingsList: [row(roundcube.settingsList, RC_SETTINGS, 1)],
      settingsContent: [row(roundcube.settingsContent, RC_SETTINGS, 1)],
    },
  },
];

describe.each(MODULES)('the $name selectors', ({ module, rows, notSelectors }) => {
  it('each have a row, or are named as not being selectors', () => {
    expect(Object.keys(module).sort()).toEqual([...Object.keys(rows), ...notSelectors].sort());
  });

  const cases = Object.entries(rows).flatMap(([name, list]) => list.map((entry) => ({ name, ...entry })));
  it.each(cases)('$name matches $count in $fixture', ({ selector, fixture, count }) => {
    const doc = loadFixture(fixture);
    expect(deepQueryAll(doc, selector, 10_000)).toHaveLength(count);
  });
});
