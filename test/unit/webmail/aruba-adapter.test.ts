// The real webmail's adapter on hand-made fixtures of its structure (custom elements, open shadow roots).
import { describe, expect, it } from 'vitest';
import { arubaAdapter } from '@/utils/webmail/aruba';
import { adapterFor } from '@/utils/webmail/registry';
import { loadFixture } from './fixture';

const inbox = new URL('https://webmail.aruba.it/new/mail/inbox');

describe('Aruba webmail adapter', () => {
  it('matches only the new webmail under /new/', () => {
    const doc = loadFixture('aruba-2026-11-29-mail.html');
    expect(adapterFor(inbox, doc).id).toBe('aruba');
    expect(adapterFor(new URL('https://webmail.aruba.it/new/management/home'), doc).id).toBe('aruba');
    expect(adapterFor(new URL('https://webmail.aruba.it/smart/'), doc).id).toBe('default');
    expect(adapterFor(new URL('https://webmail.aruba.it.evil.example/new/'), doc).id).toBe('default');
  });

  it('finds the navigation list inside the navbar shadow root (invisible to querySelector)', () => {
    const doc = loadFixture('aruba-2026-11-29-mail.html');
    expect(doc.querySelector('nav')).toBeNull();
    const nav = arubaAdapter.navigation(doc)!;
    expect(nav).not.toBeNull();
    expect(nav.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect([...nav.querySelectorAll('.aru-navbar__label')].map((label) => label.textContent)).toEqual([
      'Posta',
      'Contatti',
      'Calendario',
      'Impostazioni',
    ]);
  });

  it('clones a host item for ours: same classes, our label, no icon, id, route or current state', () => {
    const doc = loadFixture('aruba-2026-11-29-mail.html');
    const { item, control } = arubaAdapter.createNavItem(doc, 'Archivio');
    expect(item.tagName).toBe('LI');
    expect(item.className).toBe('aru-navbar__item');
    expect(control.tagName).toBe('A');
    expect(control.className).toBe('aru-navbar__link');
    expect(control.textContent).toBe('Archivio');
    expect(control.querySelector('.aru-navbar__label')?.textContent).toBe('Archivio');
    expect(control.hasAttribute('id')).toBe(false);
    expect(control.hasAttribute('href')).toBe(false);
    expect(control.hasAttribute('aria-current')).toBe(false);
    expect(item.querySelector('aru-symbol')).toBeNull();
  });

  it('reads the account, the content area and the scheme', () => {
    const doc = loadFixture('aruba-2026-11-29-mail.html');
    expect(arubaAdapter.accountHint(doc)).toBe('mario.rossi@example.it');
    expect(arubaAdapter.contentArea(doc)?.className).toBe('app-main');
    expect(arubaAdapter.colorScheme(doc)).toBe('light');
    expect(arubaAdapter.isSignedOut?.(doc)).toBe(false);
  });

  it('watches the navbar shadow root besides the body', () => {
    const doc = loadFixture('aruba-2026-11-29-mail.html');
    const roots = arubaAdapter.watchRoots!(doc);
    expect(roots[0]).toBe(doc.body);
    expect(roots.some((root) => root instanceof ShadowRoot && (root.host as Element).tagName === 'ARU-NAVBAR')).toBe(true);
  });

  it('reads the postmaster mailbox list through a shadow root, with the dark scheme', () => {
    const doc = loadFixture('aruba-2026-11-29-management-list.html');
    expect(arubaAdapter.colorScheme(doc)).toBe('dark');
    expect(arubaAdapter.accountHint(doc)).toBe('postmaster@example.it');
    const table = arubaAdapter.mailboxTable(doc)!;
    expect(table).not.toBeNull();
    expect(arubaAdapter.mailboxRows(table).map((row) => row.address)).toEqual([
      'mario.rossi@example.it',
      'giulia.verdi@example.it',
      'luca.neri@example.it',
    ]);
    expect(arubaAdapter.mailboxDetail(doc)).toBeNull();
  });

  it('reads the mailbox detail: tablist in a shadow root, address from the title, slotted panels', () => {
    const doc = loadFixture('aruba-2026-11-29-management-detail.html');
    const detail = arubaAdapter.mailboxDetail(doc)!;
    expect(detail.address).toBe('giulia.verdi@example.it');
    expect(detail.tablist.getAttribute('role')).toBe('tablist');
    expect(detail.tablist.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect(detail.panelHost.tagName).toBe('ARU-TABS');
    expect(arubaAdapter.mailboxTable(doc)).toBeNull();
  });

  it('degrades to null anchors when the navbar is gone or renamed', () => {
    const doc = loadFixture('aruba-2026-11-29-mail.html');
    doc.querySelector('aru-navbar')!.remove();
    expect(arubaAdapter.navigation(doc)).toBeNull();

    const renamed = loadFixture('aruba-2026-11-29-mail.html');
    for (const label of renamed.querySelector('aru-navbar')!.shadowRoot!.querySelectorAll('.aru-navbar__label')) label.textContent = 'Mail';
    expect(arubaAdapter.navigation(renamed)).toBeNull();
  });
});
