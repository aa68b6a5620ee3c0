// The Roundcube adapter on fixtures captured from the running Roundcube 1.6 elastic (test/fixtures/webmail/roundcube-*.html).
import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/utils/webmail/registry';
import { roundcubeAdapter } from '@/utils/webmail/roundcube';
import { loadFixture } from './fixture';

const mailUrl = new URL('http://127.0.0.1:8788/?_task=mail&_mbox=INBOX');

const labels = (nav: Element) => [...nav.querySelectorAll(':scope > a, :scope > span > a')].map((link) => link.textContent?.trim());

describe('Roundcube adapter', () => {
  it('is picked by the registry on Roundcube pages, signed in or not, and not on the demo webmail', () => {
    expect(adapterFor(mailUrl, loadFixture('roundcube-2026-12-02-mail.html')).id).toBe('roundcube');
    expect(adapterFor(mailUrl, loadFixture('roundcube-2026-12-02-login.html')).id).toBe('roundcube');
    expect(adapterFor(new URL('http://127.0.0.1:8787/#/posta/inbox'), loadFixture('demo-2026-11-29-inbox.html')).id).toBe('demo');
  });

  it('finds the task menu, the layout as content area with its menu column kept, the user and the light scheme', () => {
    const doc = loadFixture('roundcube-2026-12-02-mail.html');
    const nav = roundcubeAdapter.navigation(doc)!;
    expect(nav.id).toBe('taskmenu');
    expect(labels(nav)).toEqual(['Nuovo messaggio', 'E-Mail', 'Contatti', 'Impostazioni', 'Modalità scura', 'Informazioni', 'Esci']);
    expect(roundcubeAdapter.contentArea(doc)?.id).toBe('layout');
    expect(roundcubeAdapter.contentAreaKeeps!(doc).map((element) => element.id)).toEqual(['layout-menu']);
    expect(roundcubeAdapter.accountHint(doc)).toBe('mario.rossi@example.it');
    expect(roundcubeAdapter.colorScheme(doc)).toBe('light');
    expect(roundcubeAdapter.isSignedOut!(doc)).toBe(false);
    expect(roundcubeAdapter.mailboxTable(doc)).toBeNull();
  });

  it("builds a link shaped like Roundcube's task links, with the archive icon, placed after Impostazioni", () => {
    const doc = loadFixture('roundcube-2026-12-02-mail.html');
    const nav = roundcubeAdapter.navigation(doc)!;
    const model = nav.querySelector('a.settings')!;
    const { item, control } = roundcubeAdapter.createNavItem(doc, 'Archivio');
    roundcubeAdapter.placeNavItem!(nav, item);
    expect(item).toBe(control);
    expect(control.tagName).toBe(model.tagName);
    expect(control.getAttribute('role')).toBe(model.getAttribute('role'));
    expect(control.classList.contains('archive')).toBe(true);
    expect(control.querySelector(':scope > span.inner')?.textContent).toBe('Archivio');
    expect(control.getAttribute('href')).toBe('#archivio');
    expect(labels(nav)).toEqual(['Nuovo messaggio', 'E-Mail', 'Contatti', 'Impostazioni', 'Archivio', 'Modalità scura', 'Informazioni', 'Esci']);
  });

  it('keeps the archive open for the dark-mode and about buttons, not for the task links', () => {
    const doc = loadFixture('roundcube-2026-12-02-mail.html');
    const menu = doc.querySelector('#taskmenu')!;
    expect(roundcubeAdapter.keepsArchiveOpen!(menu.querySelector('a.theme')!)).toBe(true);
    expect(roundcubeAdapter.keepsArchiveOpen!(menu.querySelector('a.about')!)).toBe(true);
    for (const link of menu.querySelectorAll('a.mail, a.contacts, a.settings, a.logout'))
      expect(roundcubeAdapter.keepsArchiveOpen!(link)).toBe(false);
  });

  it('works on the settings view too (no user shown there: no hint)', () => {
    const doc = loadFixture('roundcube-2026-12-02-settings.html');
    expect(roundcubeAdapter.navigation(doc)?.id).toBe('taskmenu');
    expect(roundcubeAdapter.contentArea(doc)?.id).toBe('layout');
    expect(roundcubeAdapter.accountHint(doc)).toBeNull();
  });

  it('reads dark mode from <html class="dark-mode">', () => {
    const doc = loadFixture('roundcube-2026-12-02-mail-dark.html');
    expect(roundcubeAdapter.colorScheme(doc)).toBe('dark');
    expect(roundcubeAdapter.accountHint(doc)).toBe('giulia.verdi@example.it');
    doc.documentElement.classList.remove('dark-mode');
    expect(roundcubeAdapter.colorScheme(doc)).toBe('light');
  });

  it('knows the login page: signed out, no navigation, no content area to take over', () => {
    const doc = loadFixture('roundcube-2026-12-02-login.html');
    expect(roundcubeAdapter.isSignedOut!(doc)).toBe(true);
    expect(roundcubeAdapter.navigation(doc)).toBeNull();
    expect(roundcubeAdapter.contentArea(doc)).toBeNull();
  });

  it('returns null anchors when the task menu is gone, and is then not signed out', () => {
    const doc = loadFixture('roundcube-2026-12-02-mail.html');
    doc.querySelector('#taskmenu')!.remove();
    expect(roundcubeAdapter.navigation(doc)).toBeNull();
    expect(roundcubeAdapter.isSignedOut!(doc)).toBe(false);
  });

  it("routes the archive in a fragment that keeps Roundcube's query", () => {
    const route = roundcubeAdapter.archiveRoute!;
    expect(route.url(mailUrl, null).href).toBe('http://127.0.0.1:8788/?_task=mail&_mbox=INBOX#archivio');
    expect(route.viewOf(new URL('http://127.0.0.1:8788/?_task=settings#archivio'))).toBe('');
    expect(route.viewOf(new URL('http://127.0.0.1:8788/?_task=mail&_mbox=Trash'))).toBeNull();
    expect(route.viewOf(new URL('http://127.0.0.1:8788/?_task=mail#back'))).toBeNull();
  });
});
