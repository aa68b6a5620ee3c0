// The first-run page says what to do next in the user's language: open the webmail, browse, ask the postmaster.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Welcome } from '@/entrypoints/welcome/Welcome';
import { useDictionary } from '@/utils/i18n';
import { arubaProfile, referenceProfile } from '@/utils/providers/profile';
import { useLanguage } from '../archive/i18n';

afterEach(() => {
  cleanup();
  useDictionary('it', null);
});

describe('first-run page', () => {
  it('links to the webmail of the build and names where the postmaster turns the archive on', () => {
    useLanguage('it');
    render(<Welcome profile={arubaProfile} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Archivio è pronto');
    const open = screen.getByRole('link', { name: 'Apri Aruba Webmail' });
    expect(open.getAttribute('href')).toBe('https://webmail.aruba.it/new/');
    expect(open.getAttribute('rel')).toBe('noopener noreferrer');
    expect(document.body.textContent).toContain('Gestione → Caselle');
    expect(document.body.textContent).toContain('non quella arrivata tramite inoltro o alias');
  });

  it('speaks English when the browser does, and follows the demo profile', () => {
    useLanguage('en');
    render(<Welcome profile={referenceProfile(8787)} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Archivio is ready');
    expect(screen.getByRole('link', { name: /^Open / }).getAttribute('href')).toBe('http://127.0.0.1:8787/');
  });
});
