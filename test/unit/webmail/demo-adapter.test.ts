// The demo webmail's adapter on fixtures captured from the running demo (test/fixtures/webmail/demo-*.html).
import { describe, expect, it } from 'vitest';
import { demoAdapter } from '@/utils/webmail/demo';
import { adapterFor } from '@/utils/webmail/registry';
import { loadFixture } from './fixture';

const demoUrl = new URL('http://127.0.0.1:8787/#/posta/inbox');

describe('demo webmail adapter', () => {
  it('is picked by the registry on the demo origin, not elsewhere', () => {
    const doc = loadFixture('demo-2026-11-29-inbox.html');
    expect(adapterFor(demoUrl, doc).id).toBe('demo');
    expect(adapterFor(new URL('https://mail.example.org/'), doc).id).toBe('default');
  });

  it('finds the navigation, the content area, the account and the light scheme in the inbox', () => {
    const doc = loadFixture('demo-2026-11-29-inbox.html');
    const nav = demoAdapter.navigation(doc);
    expect(nav?.tagName).toBe('UL');
    expect([...nav!.querySelectorAll('a, button')].map((control) => control.textContent)).toEqual(['Posta', 'Rubrica', 'Impostazioni', 'Esci']);
    expect(demoAdapter.contentArea(doc)?.id).toBe('content');
    expect(demoAdapter.accountHint(doc)).toBe('mario.rossi@example.it');
    expect(demoAdapter.colorScheme(doc)).toBe('light');
    expect(demoAdapter.isSignedOut?.(doc)).toBe(false);
    expect(demoAdapter.mailboxTable(doc)).toBeNull();
    expect(demoAdapter.mailboxDetail(doc)).toBeNull();
  });

  it('builds a nav item shaped like the host items and places it before "Esci"', () => {
    const doc = loadFixture('demo-2026-11-29-inbox.html');
    const nav = demoAdapter.navigation(doc)!;
    const { item, control } = demoAdapter.createNavItem(doc, 'Archivio');
    demoAdapter.placeNavItem!(nav, item);
    expect(item.tagName).toBe('LI');
    expect(control.tagName).toBe('A');
    expect(control.getAttribute('href')).toBe('#/archivio');
    expect([...nav.children].map((child) => child.textContent)).toEqual(['Posta', 'Rubrica', 'Impostazioni', 'Archivio', 'Esci']);
  });

  it('reads the Caselle table rows and the dark scheme', () => {
    const doc = loadFixture('demo-2026-11-29-caselle.html');
    expect(demoAdapter.colorScheme(doc)).toBe('dark');
    expect(demoAdapter.accountHint(doc)).toBe('postmaster@example.it');
    const table = demoAdapter.mailboxTable(doc)!;
    expect(table.id).toBe('mailbox-table');
    const rows = demoAdapter.mailboxRows(table);
    expect(rows.map((row) => row.address)).toContain('mario.rossi@example.it');
    expect(rows.map((row) => row.address)).toContain('luca.neri@example.it');
    for (const { row, address } of rows) expect(row.getAttribute('data-mailbox')).toBe(address);
  });

  it('reads the mailbox detail: address, tablist with Generale/Alias/Inoltro, panel host', () => {
    const doc = loadFixture('demo-2026-11-29-detail.html');
    const detail = demoAdapter.mailboxDetail(doc)!;
    expect(detail.address).toBe('mario.rossi@example.it');
    expect(detail.tablist.getAttribute('role')).toBe('tablist');
    expect([...detail.tablist.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent)).toEqual(['Generale', 'Alias', 'Inoltro']);
    expect(detail.panelHost.id).toBe('mailbox-tabpanels');
  });

  it('knows the sign-in page: no navigation, and that is expected', () => {
    const doc = loadFixture('demo-2026-11-29-login.html');
    expect(demoAdapter.navigation(doc)).toBeNull();
    expect(demoAdapter.isSignedOut?.(doc)).toBe(true);
  });

  it('returns null anchors when the page lost its navigation', () => {
    const doc = loadFixture('demo-2026-11-29-inbox.html');
    doc.querySelector('nav[aria-label="Navigazione principale"]')!.remove();
    expect(demoAdapter.navigation(doc)).toBeNull();
    expect(demoAdapter.isSignedOut?.(doc)).toBe(false);
    expect(demoAdapter.contentArea(doc)).not.toBeNull();
  });

  it('routes the archive in the fragment', () => {
    const route = demoAdapter.archiveRoute!;
    expect(route.url(demoUrl, null).hash).toBe('#/archivio');
    expect(route.url(demoUrl, 'expiring').hash).toBe('#/archivio/expiring');
    expect(route.viewOf(new URL('http://127.0.0.1:8787/#/archivio'))).toBe('');
    expect(route.viewOf(new URL('http://127.0.0.1:8787/#/archivio/expiring'))).toBe('expiring');
    expect(route.viewOf(new URL('http://127.0.0.1:8787/#/archiviox'))).toBeNull();
    expect(route.viewOf(demoUrl)).toBeNull();
  });
});
