// What the extension needs to know of a webmail page; one implementation per webmail, chosen by the registry.

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
  colorScheme(doc: Document): 'light' | 'dark';
  /** Postmaster: the mailbox table of Gestione → Caselle, when it is on screen. */
  mailboxTable(doc: Document): HTMLTableElement | null;
  mailboxRows(table: HTMLTableElement): MailboxRow[];
  /** Postmaster: the open mailbox detail, when it is on screen. */
  mailboxDetail(doc: Document): MailboxDetail | null;
}
