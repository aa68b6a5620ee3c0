// The archive's own sign-in (its API apart from the webmail): the form a signed-out user meets in the archive frame.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useDictionary } from '@/utils/i18n';
import { ArchiveApp } from '@/entrypoints/archive/ArchiveApp';
import { FakeArchive, MARIO, ORIGIN } from './fake-api';
import { useLanguage } from './i18n';
import { installLayoutShim } from './layout-shim';

let restoreLayout: () => void;
beforeAll(() => (restoreLayout = installLayoutShim(600)));
afterAll(() => restoreLayout());
afterEach(() => {
  cleanup();
  useDictionary('it', null);
});

let api: FakeArchive;
beforeEach(() => {
  useLanguage('it');
  api = new FakeArchive();
  api.signedIn = false;
  api.signInAt = 'archive';
});

function renderApp() {
  return render(<ArchiveApp api={api} webmailUrl={`${ORIGIN}/`} upgradeUrl="https://fallback.example/piani" downloads={null} />);
}

function typePassword(value: string) {
  const field = screen.getByLabelText('Password') as HTMLInputElement;
  fireEvent.input(field, { target: { value } });
  return field;
}

describe("the archive's own sign-in", () => {
  it('prefills the address the page shows, starts in the password, and opens the archive once signed in', async () => {
    api.accountHint = MARIO.address;
    renderApp();
    const form = await screen.findByRole('form', { name: "Accedi all'Archivio di sicurezza" });
    expect(form.getAttribute('aria-busy')).toBe('false');
    const address = screen.getByLabelText('Indirizzo email') as HTMLInputElement;
    expect(address.value).toBe(MARIO.address);
    expect(address.getAttribute('autocomplete')).toBe('username');
    const password = typePassword('giusta');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    await waitFor(() => expect(document.activeElement).toBe(password));

    fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByRole('tree', { name: "Cartelle dell'archivio" })).toBeTruthy();
    expect(api.signIns).toEqual([{ address: MARIO.address, password: 'giusta' }]);
  });

  it('says a wrong password in words, empties the field and keeps the address', async () => {
    renderApp();
    const address = (await screen.findByLabelText('Indirizzo email')) as HTMLInputElement;
    expect(address.value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(address));
    fireEvent.input(address, { target: { value: MARIO.address } });
    const password = typePassword('sbagliata');
    fireEvent.submit(password.form!);
    expect((await screen.findByRole('alert')).textContent).toBe('Indirizzo o password non corretti.');
    expect(password.value).toBe('');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toBe('signin-error');
    expect(document.activeElement).toBe(password);
    expect(address.value).toBe(MARIO.address);
    expect(screen.queryByRole('tree')).toBeNull();
  });

  it('tells the provider out of reach and a locked sign-in apart', async () => {
    api.accountHint = MARIO.address;
    renderApp();
    await screen.findByLabelText('Password');
    api.signInError = 'network';
    fireEvent.submit(typePassword('giusta').form!);
    expect((await screen.findByRole('alert')).textContent).toBe("Il server dell'archivio non risponde. Controlla la connessione e riprova.");
    api.signInError = 'rate_limited';
    fireEvent.submit(typePassword('giusta').form!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("Troppi tentativi di accesso: l'accesso è bloccato. Riprova tra 5 min."));
  });

  it('speaks English in an English browser', async () => {
    useLanguage('en');
    renderApp();
    expect(await screen.findByRole('form', { name: 'Sign in to the security archive' })).toBeTruthy();
    screen.getByLabelText('Email address');
    fireEvent.input(screen.getByLabelText('Email address'), { target: { value: MARIO.address } });
    fireEvent.submit(typePassword('no').form!);
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong address or password.');
  });

  it('comes back when the archive session ends elsewhere (the webmail signed out in another tab)', async () => {
    api.signedIn = true;
    renderApp();
    await screen.findByRole('tree', { name: "Cartelle dell'archivio" });
    api.signedIn = false;
    api.emit({ origin: ORIGIN, account: null, scope: 'session' });
    expect(await screen.findByRole('form', { name: "Accedi all'Archivio di sicurezza" })).toBeTruthy();
  });

  it('comes back, with the address shown, when the provider ends the session during a later refresh', async () => {
    api.signedIn = true;
    renderApp();
    await screen.findByRole('tree', { name: "Cartelle dell'archivio" });
    api.failures.set('status', 'unauthenticated');
    api.emit({ origin: ORIGIN, account: MARIO.address, scope: 'status', mailbox: MARIO.address });
    const form = await screen.findByRole('form', { name: "Accedi all'Archivio di sicurezza" });
    expect((screen.getByLabelText('Indirizzo email') as HTMLInputElement).value).toBe(MARIO.address);
    expect(form).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Accedi di nuovo alla webmail' })).toBeNull();
  });

  it('is not offered where the webmail signs its users in itself', async () => {
    api.signInAt = 'webmail';
    renderApp();
    expect(await screen.findByRole('link', { name: 'Accedi di nuovo alla webmail' })).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });
});
