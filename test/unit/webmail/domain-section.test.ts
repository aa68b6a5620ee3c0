// The postmaster's "Archivio del dominio" section on the captured Roundcube settings page: an entry like Roundcube's
// own, the section in place of Roundcube's list and form while the address asks for it, and everything put back.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOMAIN_SECTION_HASH, DomainSection } from '@/entrypoints/postmaster-page.content/domain-section';
import { useDictionary } from '@/utils/i18n';
import { mergeLocale } from '@/utils/i18n/merge';
import { demoAdapter } from '@/utils/webmail/demo';
import { roundcubeAdapter } from '@/utils/webmail/roundcube';
import { loadFixture } from './fixture';

const MAILBOXES = ['postmaster@example.it', 'mario.rossi@example.it', '<img src=x onerror=alert(1)>@example.it'];

beforeEach(() => useDictionary('it', mergeLocale(resolve(import.meta.dirname, '../../../locales'), 'it')));
afterEach(() => useDictionary('it', null));

const entry = () => document.querySelector<HTMLElement>('#settings-menu [data-archivio-domain="entry"]');
const section = () => document.querySelector<HTMLElement>('[data-archivio-domain="section"]');

function onSettings(hash = ''): DomainSection {
  loadFixture('roundcube-2026-12-02-settings.html', `/?_task=settings${hash}`);
  return new DomainSection(roundcubeAdapter, document);
}

describe('the domain section in Roundcube settings', () => {
  it("adds one entry shaped like Roundcube's own, and no section until the address asks for it", () => {
    const domain = onSettings();
    domain.sync();
    domain.sync();
    expect(document.querySelectorAll('#settings-menu [data-archivio-domain="entry"]')).toHaveLength(1);
    expect(entry()?.className).toBe('listitem archivio');
    const link = entry()!.querySelector('a')!;
    expect(link.getAttribute('role')).toBe('button');
    expect(link.getAttribute('href')).toBe(DOMAIN_SECTION_HASH);
    expect(link.textContent).toBe('Archivio del dominio');
    expect(section()).toBeNull();
    expect(domain.table()).toBeNull();
  });

  it("stands in for Roundcube's list and form, lists the mailboxes as text, and shows the selected one's settings", () => {
    const domain = onSettings(DOMAIN_SECTION_HASH);
    domain.sync();
    expect(section()?.parentElement?.id).toBe('layout');
    expect(document.querySelector<HTMLElement>('#layout-list')!.style.display).toBe('none');
    expect(document.querySelector<HTMLElement>('#layout-content')!.style.display).toBe('none');
    expect(entry()!.classList.contains('selected')).toBe(true);
    expect(document.querySelector('#settingstabpreferences')!.classList.contains('selected')).toBe(false);
    expect(section()!.querySelector('[role=status]')!.textContent).toBe('Caricamento delle caselle…');

    domain.setMailboxes(MAILBOXES);
    expect(domain.rows().map((row) => row.address)).toEqual([MAILBOXES[2], MAILBOXES[1], MAILBOXES[0]]);
    // Addresses are text, never markup.
    expect(section()!.querySelector('img')).toBeNull();
    expect(domain.detail()).toBeNull();

    const mario = [...section()!.querySelectorAll('button')].find((button) => button.textContent === 'mario.rossi@example.it')!;
    expect(mario.getAttribute('aria-label')).toBe("Impostazioni dell'archivio di mario.rossi@example.it");
    mario.click();
    expect(mario.getAttribute('aria-current')).toBe('true');
    const detail = domain.detail()!;
    expect(detail).toMatchObject({ address: 'mario.rossi@example.it', archiveOnly: true });
    expect(detail.tablist.getAttribute('role')).toBe('tablist');
    expect(section()!.querySelector('h3')!.textContent).toBe("Impostazioni dell'archivio di mario.rossi@example.it");
  });

  it('puts everything back when the address leaves it or a Roundcube entry is clicked, and when stopped', () => {
    const domain = onSettings(DOMAIN_SECTION_HASH);
    domain.sync();
    // Roundcube's own handler (its scripts are not in the fixture) would load the folders section.
    const folders = document.querySelector<HTMLElement>('#settingstabfolders a')!;
    folders.removeAttribute('onclick');
    folders.addEventListener('click', (event) => event.preventDefault());
    folders.click();
    expect(section()).toBeNull();
    expect(location.hash).toBe('');
    expect(document.querySelector<HTMLElement>('#layout-list')!.style.display).toBe('');
    expect(document.querySelector<HTMLElement>('#layout-content')!.style.display).toBe('');
    expect(document.querySelector('#settingstabpreferences')!.classList.contains('selected')).toBe(true);
    expect(entry()!.classList.contains('selected')).toBe(false);

    history.replaceState(null, '', `/?_task=settings${DOMAIN_SECTION_HASH}`);
    domain.sync();
    expect(section()).not.toBeNull();
    domain.stop();
    expect(entry()).toBeNull();
    expect(section()).toBeNull();
    expect(document.querySelector<HTMLElement>('#layout-content')!.style.display).toBe('');
  });

  it('is not offered outside the settings, nor by webmails with their own domain management', () => {
    loadFixture('roundcube-2026-12-02-mail.html', '/?_task=mail');
    expect(roundcubeAdapter.domainSettings!(document)).toBeNull();
    new DomainSection(roundcubeAdapter, document).sync();
    expect(entry()).toBeNull();
    expect(demoAdapter.domainSettings).toBeUndefined();
  });
});
