// Every selector of Roundcube 1.6 with its elastic skin (Debian's roundcube-core 1.6.5), observed on the running
// Roundcube of the reference stack (server/roundcube); fixtures test/fixtures/webmail/roundcube-2026-12-02-*.html.

// seen 2026-12-02 on Roundcube 1.6.5 elastic (templates/includes/layout.html, menu.html): the page's frame.
export const layout = 'div#layout';
/** The left column with the task menu: stays in sight while the archive shows. */
export const layoutMenu = '#layout > #layout-menu';
export const taskMenu = '#taskmenu[role="navigation"]';
/** The host's own task links; ours is shaped like them. */
export const taskLinks = 'a.mail, a.contacts, a.settings';
// 2026-12-02: the current task's link carries `selected` (and aria-disabled); elastic highlights `#taskmenu a.selected`.
export const taskSelectedClass = 'selected';
export const settingsLink = 'a.settings';
/** Theme, about and sign out: ours goes before this group. */
export const specialButtons = 'span.special-buttons';
export const logoutLink = 'a.logout';
/** Dark mode and "Informazioni" act in place (a class on <html>, a dialog): they do not leave the archive. */
export const inPlaceButtons = 'a.theme, a.about';

// seen 2026-12-02 on Roundcube 1.6.5 elastic (templates/mail.html): the signed-in user above the folder list.
export const username = '#layout-sidebar .header-title.username';

// seen 2026-12-02 on Roundcube 1.6.5 elastic (templates/login.html): the sign-in form.
export const loginForm = 'form#login-form';
export const loginUser = 'input#rcmloginuser';

// seen 2026-12-02 on Roundcube 1.6.5 elastic (ui.js): dark mode is this class on <html>, language <html lang>.
export const darkModeClass = 'dark-mode';

// seen 2026-12-02 on Roundcube 1.6.5 (program/js/app.js): Roundcube addresses views with ?_task=…&_action=…
// and rewrites the query with history.replaceState, never the fragment; elastic's "#back"/"#menu" buttons only
// exist on small screens. The fragment "#archivio" is ours.
export const archiveRoutePrefix = '#archivio';
/** Elastic's icon font draws a box-archive glyph for `.menu a.archive` (styles.css). */
export const navItemClass = 'archive';

// seen 2026-12-02 on Roundcube 1.6.5 elastic (templates/settings.html): the settings task. Its sections are entries
// `li.listitem.<name>` of #settings-menu (the selected one has `selected`); a section shows its list in #layout-list
// and its form in #layout-content.
export const settingsTask = 'body.task-settings';
export const settingsMenu = 'ul#settings-menu';
export const settingsEntry = 'li.listitem';
export const settingsSelectedClass = 'selected';
export const settingsList = '#layout > #layout-list';
export const settingsContent = '#layout > #layout-content';
