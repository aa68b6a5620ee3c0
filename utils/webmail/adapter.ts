// What the extension needs to know of a webmail page; one implementation per webmail, chosen by the registry.
import type { ColorScheme } from '@/utils/frames/scheme';

export interface MailboxRow {
  row: HTMLElement;
  address: string;
}

export interface MailboxDetail {
  address: string;
  /** The detail's tab strip (role="tablist"), where the "Archivio" tab is added. */
  tablist: HTMLElement;
  /** Where the tabs' panels live, so ours can sit beside them. */
  panelHost: HTMLElement;
  /** A detail of ours with no host tabs: the "Archivio" tab is shown at once. */
  archiveOnly?: boolean;
}

/**
 * A webmail without domain management (Roundcube): where the postmaster's "Archivio del dominio" section joins the
 * host's settings, and what it covers while it shows. The section itself (mailbox list, archive column, per-mailbox
 * settings, bulk actions) is ours.
 */
export interface DomainSettingsPlace {
  /** The host's list of settings sections, which our entry joins. */
  menu: HTMLElement;
  /** An entry shaped like the host's own; `control` is what the user activates. */
  createEntry(doc: Document, label: string): { item: HTMLElement; control: HTMLElement };
  /** Whether `item` is one of the host's own entries (a click on it leaves our section). */
  isHostEntry(item: Element): boolean;
  /** The host's regions our section stands in for while it shows (hidden, then shown again as they were). */
  covered: HTMLElement[];
  /** Where our section goes (after the covered regions). */
  container: HTMLElement;
  /** The class the host gives its selected entry, moved to ours while the section shows. */
  selectedClass: string;
}

/** How the archive is addressed in the page's URL, so that back and forward open and leave it. */
export interface ArchiveRoute {
  /** The URL showing the archive (optionally one of its views), pushed as a history entry when it opens. */
  url(current: URL, view: string | null): URL;
  /** The archive view a URL asks for: null when the URL is not the archive's, '' for its default view. */
  viewOf(url: URL): string | null;
  /**
   * The host rewrites its URL with history.replaceState and drops the fragment while the page stays the same
   * (Roundcube, at every message-list load): such a rewrite keeps the archive open and the route is put back.
   */
  keptOnHostReplace?: boolean;
}

export interface WebmailAdapter {
  id: string;
  /** Whether this adapter understands the page (by URL and a cheap DOM check). */
  matches(url: URL, doc: Document): boolean;
  /** The signed-in address as the page shows it (a hint only: the background asks the provider). */
  accountHint(doc: Document): string | null;
  /** The top navigation list the "Archivio" item joins; null when the anchor is missing. */
  navigation(doc: Document): HTMLElement | null;
  /** Builds a nav item that looks like the host's own. */
  createNavItem(doc: Document, label: string): { item: HTMLElement; control: HTMLElement };
  /** The region whose content the archive view replaces while it shows. */
  contentArea(doc: Document): HTMLElement | null;
  /** Children of the content area that stay in sight while the archive shows (e.g. a side menu inside it). */
  contentAreaKeeps?(doc: Document): Element[];
  colorScheme(doc: Document): ColorScheme;
  /** Postmaster: the mailbox table of Gestione → Caselle, when it is on screen. */
  mailboxTable(doc: Document): HTMLTableElement | null;
  mailboxRows(table: HTMLTableElement): MailboxRow[];
  /** Postmaster: the open mailbox detail, when it is on screen. */
  mailboxDetail(doc: Document): MailboxDetail | null;
  /** How the archive is addressed in the URL; without one the archive opens as a panel with no history entry. */
  archiveRoute?: ArchiveRoute;
  /** True on the sign-in page, where a missing navigation is expected (no launcher, nothing reported). */
  isSignedOut?(doc: Document): boolean;
  /** The class the host gives its current navigation item besides (or instead of) aria-current, moved to ours while the archive shows. */
  navCurrentClass?: string;
  /** Puts the nav item where the host's own items are (e.g. before "Esci"); default: at the end of the list. */
  placeNavItem?(navigation: HTMLElement, item: HTMLElement): void;
  /** Postmaster on a webmail without domain management: where its settings section goes, when on screen. */
  domainSettings?(doc: Document): DomainSettingsPlace | null;
  /** Host controls of the navigation that do not leave the page's view (a theme toggle): the archive stays open. */
  keepsArchiveOpen?(control: Element): boolean;
  /** Nodes whose changes may add or remove the anchors, for one scoped observer; default: the body. */
  watchRoots?(doc: Document): Node[];
}
