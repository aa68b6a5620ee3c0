// Every selector of the provider's real webmail (webmail.aruba.it/new), newest first, each with where it was seen.
// None could be checked against the live site from here (see docs and WEBMAILS.md): the adapter degrades to the
// fallback launcher when they stop holding.

// seen 2026-11 in the provider's guides: the new webmail under /new/, the postmaster's area under /new/management/.
export const origin = 'https://webmail.aruba.it';
export const appPath = '/new/';
export const managementPath = '/new/management/';

// seen 2026-11 in public user scripts for webmail.aruba.it/new: a navbar custom element (styled through
// --aru-navbar-* variables) whose links sit in its open shadow root.
export const navbarHosts = ['aru-navbar', 'aru-header', 'aru-sidebar'] as const;
export const navigationLists = [
  'nav ul',
  '[role="navigation"] ul',
  '[role="navigation"] [role="menubar"]',
  '[role="menubar"]',
  'nav [role="list"]',
] as const;
/** Children of a navigation list that are its items (plain <li>, ARIA menu items, or the controls themselves). */
export const navigationItems = 'li, [role="none"], [role="menuitem"], [role="listitem"], a';
export const navigationControls = 'a, button, [role="menuitem"], [role="link"], [role="tab"]';
// seen 2026-11 in the provider's guides: visible (Italian) labels of the webmail menu, used to recognise the list
// when the custom-element names change; a list qualifies when it holds one of them.
export const navigationLabels = ['Posta', 'Rubrica', 'Contatti', 'Calendario', 'Impostazioni'] as const;
/** Parts of a cloned host item that must not come along (icons, counters, the host's "current" state). */
export const navigationItemDecorations = 'aru-symbol, svg, img, [class*="icon"], [class*="badge"], [class*="counter"]';
export const navigationStateClasses = /(^|[-_])(active|selected|current)$/i;

// seen 2026-11 in public user scripts: the routed content of the Angular app.
export const contentAreas = ['main', '[role="main"]', '.main-content', '.app-content'] as const;

// seen 2026-11 in public user scripts: the signed-in account in the user menu (address in a title/aria-label or text).
export const accountCandidates = [
  'aru-avatar[title*="@"]',
  '[aria-label*="@"]',
  '[title*="@"]',
  '[class*="user-email"]',
  '[class*="account-email"]',
] as const;

// seen 2026-11 on webmail.aruba.it (guides): colour scheme on <html data-theme="light|dark">.
export const themeAttribute = 'data-theme';

// seen 2026-11 in the provider's guides: the sign-in page shows a password field and no navbar.
export const signInField = 'input[type="password"]';

// seen 2026-11 in the provider's guides: Gestione caselle → mailbox list with a "Spazio archivio" column, then
// a mailbox's "Dettagli" with tabs (among them the provider's own "Archivio").
export const mailboxTable = 'table';
export const mailboxTableHeaders = ['Spazio archivio', 'Casella', 'Indirizzo'] as const;
export const mailboxRows = 'tbody tr';
export const mailboxDetailTablist = '[role="tablist"]';
export const mailboxDetailTabLabels = ['Dettagli', 'Generale', 'Archivio', 'Alias', 'Inoltro'] as const;
export const mailboxDetailTitle = 'h1, h2, [class*="title"]';
export const mailboxDetailPanels = '[role="tabpanel"]';

// Not a page selector: our own fragment route (Angular routes by path and ignores the fragment).
export const archiveRoutePrefix = '#archivio';
