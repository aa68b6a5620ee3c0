// Every selector of the reference provider's demo webmail (server/webmail, markup contract in its README.md).

// seen 2026-11 on the demo webmail (server/webmail/index.html + client/shell.ts): header and main navigation.
export const topBar = 'header.topbar';
export const mainNavigation = 'header.topbar nav[aria-label="Navigazione principale"]';
export const mainNavigationList = `${mainNavigation} > ul`;
/** The host's own items; "Esci" is a button, the sections are links. */
export const hostNavControls = 'a[data-nav], button[data-nav]';
/** "Esci" (sign out) stays the last item: ours goes before it. */
export const signOutControl = 'button[data-nav="esci"]';
export const account = '[data-account]';

// seen 2026-11 on the demo webmail (client/main.ts): the content region and the sign-in form.
export const contentArea = 'main#content';
export const signInForm = 'form#login-form';

// seen 2026-11 on the demo webmail (client/views/gestione.ts): Gestione → Caselle and the mailbox detail.
export const mailboxTable = 'table#mailbox-table';
export const mailboxRow = 'tbody tr[data-mailbox]';
export const mailboxDetail = 'section#mailbox-detail[data-mailbox]';
export const mailboxTabs = '[role="tablist"]#mailbox-tabs';
export const mailboxTabPanels = '#mailbox-tabpanels';

// seen 2026-11 on the demo webmail (client/theme.ts): colour scheme on <html data-theme="light|dark">.
export const themeAttribute = 'data-theme';

// seen 2026-11 on the demo webmail (client/route.ts): hash routes; "#/archivio…" is reserved for the extension.
export const archiveRoutePrefix = '#/archivio';
