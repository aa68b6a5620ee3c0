// The archive app as a user meets it: tree, reading, read-only vs write mode, states, events, remote content, search.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useDictionary } from '@/utils/i18n';
import { ArchiveApp } from '@/entrypoints/archive/ArchiveApp';
import { BODY_SANDBOX } from '@/entrypoints/archive/reader/BodyFrame';
import { FakeArchive, ORIGIN, status } from './fake-api';
import { summary } from './fixtures';
import { useLanguage } from './i18n';
import { installLayoutShim } from './layout-shim';

let restoreLayout: () => void;
beforeAll(() => (restoreLayout = installLayoutShim(600)));
afterAll(() => restoreLayout());
beforeEach(() => useLanguage('it'));
afterEach(() => {
  cleanup();
  useDictionary('it', null);
});

let api: FakeArchive;
beforeEach(() => {
  api = new FakeArchive();
});

function renderApp() {
  return render(<ArchiveApp api={api} webmailUrl="http://127.0.0.1:8787/" upgradeUrl="https://fallback.example/piani" downloads={null} />);
}

async function openFirstMessage(subject = 'Messaggio numero 0') {
  const row = await screen.findByRole('option', { name: new RegExp(`, ${subject},`) });
  fireEvent.click(row);
  return screen.findByRole('heading', { level: 2, name: subject });
}

describe('folder tree', () => {
  it('shows the inbox with its months in Italian, sent, counts, and selects with the keyboard', async () => {
    renderApp();
    const tree = await screen.findByRole('tree', { name: "Cartelle dell'archivio" });
    const items = within(tree).getAllByRole('treeitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Posta in arrivo, 25 messaggi',
      'novembre 2026, 20 messaggi',
      'ottobre 2026, 5 messaggi',
      'Posta inviata, 1 messaggio',
      'In scadenza',
    ]);
    expect(items[0]?.getAttribute('aria-expanded')).toBe('true');
    expect(items[1]?.getAttribute('aria-level')).toBe('2');
    expect(await screen.findByRole('listbox', { name: 'Messaggi in Posta in arrivo' })).toBeTruthy();

    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1]!, { key: 'ArrowDown' });
    fireEvent.keyDown(items[2]!, { key: 'Enter' });
    expect(await screen.findByRole('listbox', { name: 'Messaggi in ottobre 2026' })).toBeTruthy();
    expect(items[2]?.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(items[2]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'ArrowLeft' });
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(3);
    expect(within(tree).getAllByRole('treeitem')[0]?.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(within(tree).getAllByRole('treeitem')[0]!, { key: 'ArrowRight' });
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(5);
  });

  it('brings the folders up to date when the user comes back to the archive, a month that did not exist included', async () => {
    renderApp();
    const tree = await screen.findByRole('tree', { name: "Cartelle dell'archivio" });
    expect(within(tree).queryByRole('treeitem', { name: /^dicembre 2026/ })).toBeNull();
    api.messagesByFolder.set('inbox-2026-12', [summary(300, { folderId: 'inbox-2026-12', date: '2026-12-01T09:00:00.000Z' })]);
    fireEvent.focus(window);
    expect(await within(tree).findByRole('treeitem', { name: 'dicembre 2026, 1 messaggio' })).toBeTruthy();
    expect(within(tree).getByRole('treeitem', { name: 'Posta in arrivo, 26 messaggi' })).toBeTruthy();
  });

  it('explains that folders cannot be deleted when the user asks (Delete key), and says so in the folder menu without a refusing button', async () => {
    renderApp();
    const sent = await screen.findByRole('treeitem', { name: /^Posta inviata/ });
    fireEvent.keyDown(sent, { key: 'Delete' });
    const dialog = await screen.findByRole('dialog', { name: 'Le cartelle non si possono eliminare' });
    expect(dialog.textContent).toContain("«Posta inviata» è una cartella dell'archivio");
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ho capito' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Elimina cartella' })).toBeNull();
    const toolbar = screen.getByRole('toolbar', { name: /./ });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Esporta .mbox']);
    expect(toolbar.getAttribute('aria-describedby')).toBe('folder-actions-note');
    expect(document.getElementById('folder-actions-note')?.textContent).toBe(
      'Archivio in sola lettura: le cartelle non si possono svuotare né eliminare.',
    );
    expect(api.calls.some((call) => call.startsWith('empty'))).toBe(false);
  });
});

describe('read-only and write mode', () => {
  it('in read-only mode offers restore and downloads only, and says why', async () => {
    renderApp();
    await openFirstMessage();
    expect(screen.getByRole('button', { name: 'Ripristina nella casella' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scarica .eml' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sposta…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Elimina' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Svuota cartella' })).toBeNull();
    expect(screen.getByText(/Solo il postmaster può attivare l'Archivio in scrittura/)).toBeTruthy();
    expect(document.querySelector('[data-mode="read-only"]')?.textContent).toContain('solo il postmaster può attivare');
  });

  it('restores with clear feedback, in read-only mode too', async () => {
    renderApp();
    await openFirstMessage();
    fireEvent.click(screen.getByRole('button', { name: 'Ripristina nella casella' }));
    expect(await screen.findByText('Messaggio ripristinato: lo trovi nella Posta in arrivo della tua casella.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ripristinato ✓' }).getAttribute('aria-disabled')).toBe('true');
    expect(api.calls).toContain('restore:m000000');
  });

  it('in write mode moves, deletes and empties, each after a confirmation', async () => {
    api.status_ = status({ writable: true });
    renderApp();
    await openFirstMessage();
    expect(screen.queryByText(/Sola lettura/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Elimina' }));
    const confirm = await screen.findByRole('alertdialog', { name: "Eliminare il messaggio dall'archivio?" });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Annulla' }));
    expect(api.calls.some((call) => call.startsWith('remove'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Elimina' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Elimina' }));
    expect(await screen.findByText("Messaggio eliminato dall'archivio.")).toBeTruthy();
    expect(api.calls).toContain('remove:m000000');
    await waitFor(() => expect(screen.queryByRole('option', { name: /Messaggio numero 0,/ })).toBeNull());

    await openFirstMessage('Messaggio numero 1');
    fireEvent.click(screen.getByRole('button', { name: 'Sposta…' }));
    const move = await screen.findByRole('dialog', { name: 'Sposta il messaggio' });
    expect(
      within(move)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Posta inviata']);
    fireEvent.click(within(move).getByRole('button', { name: 'Sposta' }));
    expect(await screen.findByText('Messaggio spostato in «Posta inviata».')).toBeTruthy();
    expect(api.calls).toContain('move:m000001:sent');

    fireEvent.click(await screen.findByRole('treeitem', { name: /^ottobre 2026/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Svuota cartella' }));
    const empty = await screen.findByRole('alertdialog', { name: 'Svuotare «ottobre 2026»?' });
    fireEvent.click(within(empty).getByRole('button', { name: 'Svuota cartella' }));
    expect(await screen.findByText('«ottobre 2026» svuotata: 5 messaggi eliminati.')).toBeTruthy();
  });

  it('shows a refusal from the provider inside the dialog (write mode withdrawn meanwhile)', async () => {
    api.status_ = status({ writable: true });
    renderApp();
    await openFirstMessage();
    api.status_ = status({ writable: false });
    fireEvent.click(screen.getByRole('button', { name: 'Elimina' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Elimina' }));
    expect((await within(screen.getByRole('alertdialog')).findByRole('alert')).textContent).toContain("L'archivio è in sola lettura");
  });

  it('follows a change of mode made by the postmaster elsewhere (status event)', async () => {
    renderApp();
    await openFirstMessage();
    expect(screen.queryByRole('button', { name: 'Elimina' })).toBeNull();
    api.status_ = status({ writable: true });
    api.emit({ origin: ORIGIN, account: 'mario.rossi@example.it', scope: 'status', mailbox: 'mario.rossi@example.it' });
    expect(await screen.findByRole('button', { name: 'Elimina' })).toBeTruthy();
  });
});

describe('reading a message', () => {
  it('blocks remote content in a sandboxed frame without scripts until "Mostra contenuti esterni"', async () => {
    api.html.set(
      'm000000',
      '<p>Ciao</p><img src="https://tracker.example/pixel.gif"><script>alert(1)</script><a href="javascript:alert(2)" onclick="alert(3)">x</a>',
    );
    renderApp();
    await openFirstMessage();
    const frame = document.querySelector('iframe.body-frame') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe(BODY_SANDBOX);
    expect(frame.getAttribute('sandbox')).not.toMatch(/allow-scripts|allow-same-origin|allow-forms|allow-top-navigation/);
    const blocked = frame.getAttribute('srcdoc') ?? '';
    expect(blocked).toContain("default-src 'none'; img-src data: cid:;");
    expect(blocked).not.toMatch(/tracker\.example|<script|alert|onclick/);
    expect(blocked).toContain('Ciao');
    fireEvent.click(screen.getByRole('button', { name: 'Mostra contenuti esterni' }));
    await waitFor(() => expect(document.querySelector('iframe.body-frame')?.getAttribute('srcdoc')).toContain('https://tracker.example/pixel.gif'));
    const allowed = document.querySelector('iframe.body-frame')!.getAttribute('srcdoc')!;
    expect(allowed).toContain('img-src data: cid: https:;');
    expect(allowed).not.toMatch(/<script|alert/);
    expect(screen.queryByRole('button', { name: 'Mostra contenuti esterni' })).toBeNull();
  });

  it('asks again for consent for the next message', async () => {
    api.html.set('m000000', '<img src="https://tracker.example/a.gif">');
    api.html.set('m000001', '<img src="https://tracker.example/b.gif">');
    renderApp();
    await openFirstMessage();
    fireEvent.click(screen.getByRole('button', { name: 'Mostra contenuti esterni' }));
    await openFirstMessage('Messaggio numero 1');
    expect(document.querySelector('iframe.body-frame')?.getAttribute('srcdoc')).not.toContain('tracker.example');
    expect(screen.getByRole('button', { name: 'Mostra contenuti esterni' })).toBeTruthy();
  });

  it('renders plain text as text, lists attachments, and closes with Esc back to the list', async () => {
    api.html.set('m000000', '');
    renderApp();
    await openFirstMessage('Messaggio numero 5');
    expect(screen.getByText('Testo di Messaggio numero 5').tagName).toBe('PRE');
    fireEvent.click(screen.getByRole('button', { name: /Scarica l'allegato fattura\.pdf/ }));
    expect(api.calls).toContain('download:attachment');
    fireEvent.keyDown(screen.getByRole('heading', { level: 2, name: 'Messaggio numero 5' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Messaggio numero 5' })).toBeNull());
  });
});

describe('states', () => {
  it('archive off: only the postmaster can turn it on', async () => {
    api.status_ = status({ enabled: false });
    renderApp();
    expect(await screen.findByRole('heading', { name: "L'Archivio di sicurezza non è attivo" })).toBeTruthy();
    expect(screen.getByText(/Solo il postmaster del dominio può attivarlo/)).toBeTruthy();
  });

  it('session expired: a link back to the webmail to sign in', async () => {
    api.signedIn = false;
    renderApp();
    const link = await screen.findByRole('link', { name: 'Accedi di nuovo alla webmail' });
    expect(link.getAttribute('href')).toBe(`${ORIGIN}/`);
    expect(link.getAttribute('target')).toBe('_top');
  });

  it('provider error: a retry that works once the provider is back', async () => {
    api.failures.set('folders', 'server');
    renderApp();
    expect(await screen.findByRole('heading', { name: "Impossibile aprire l'archivio" })).toBeTruthy();
    api.failures.clear();
    fireEvent.click(screen.getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByRole('tree')).toBeTruthy();
  });

  it('offline without a saved copy, then offline with one (time of the last update shown)', async () => {
    api.failures.set('session', 'network');
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Archivio non raggiungibile' })).toBeTruthy();
    cleanup();
    api.failures.clear();
    api.freshness = { source: 'cache', fetchedAt: Date.UTC(2026, 10, 30, 9, 15), offline: true, stale: true };
    renderApp();
    const banner = await screen.findByText(/Sei offline o il server dell'archivio non risponde/);
    expect(banner.textContent).toMatch(/30\/11\/26|30\/11\/2026/);
    expect(await screen.findByRole('option', { name: /Messaggio numero 0/ })).toBeTruthy();
  });

  it('shows the offline banner when the background says the provider became unreachable, and drops it when back', async () => {
    renderApp();
    await screen.findByRole('option', { name: /Messaggio numero 0,/ });
    expect(document.querySelector('[data-banner="offline"]')).toBeNull();
    api.freshness = { source: 'cache', fetchedAt: Date.now() - 60_000, offline: true, stale: true };
    api.emit({ origin: ORIGIN, account: null, scope: 'session', offline: true });
    await waitFor(() => expect(document.querySelector('[data-banner="offline"]')).toBeTruthy());
    api.freshness = { source: 'network', fetchedAt: Date.now(), offline: false, stale: false };
    api.emit({ origin: ORIGIN, account: null, scope: 'session', offline: false });
    await waitFor(() => expect(document.querySelector('[data-banner]')).toBeNull());
  });

  it('archive full: a link to the upgrade plans', async () => {
    api.status_ = status({ full: true });
    renderApp();
    const link = await screen.findByRole('link', { name: 'Scopri i piani con più spazio' });
    expect(link.getAttribute('href')).toBe('https://provider.example/piani');
  });

  it("archive full: a provider link that is not http(s) gives way to the profile's", async () => {
    api.status_ = status({ full: true, upgradeUrl: 'javascript:alert(1)' });
    renderApp();
    const link = await screen.findByRole('link', { name: 'Scopri i piani con più spazio' });
    expect(link.getAttribute('href')).toBe('https://fallback.example/piani');
  });

  it('the provider confirming the account already shown (session event) leaves the open message open', async () => {
    renderApp();
    await openFirstMessage();
    api.emit({ origin: ORIGIN, account: 'mario.rossi@example.it', scope: 'session' });
    await waitFor(() => expect(api.calls.filter((call) => call === 'status').length).toBeGreaterThan(1));
    expect(screen.getByRole('heading', { level: 2, name: 'Messaggio numero 0' })).toBeTruthy();
  });

  it('a refresh the provider fails behind an open message leaves it on screen; an expired session does not', async () => {
    renderApp();
    await openFirstMessage();
    api.failures.set('status', 'server');
    api.emit({ origin: ORIGIN, account: 'mario.rossi@example.it', scope: 'status', mailbox: 'mario.rossi@example.it' });
    await waitFor(() => expect(api.calls.filter((call) => call === 'status').length).toBeGreaterThan(1));
    expect(screen.getByRole('heading', { level: 2, name: 'Messaggio numero 0' })).toBeTruthy();
    api.failures.set('status', 'unauthenticated');
    api.emit({ origin: ORIGIN, account: 'mario.rossi@example.it', scope: 'status', mailbox: 'mario.rossi@example.it' });
    expect(await screen.findByRole('link', { name: 'Accedi di nuovo alla webmail' })).toBeTruthy();
  });

  it('signing out elsewhere (session event) leads to the sign-in screen', async () => {
    renderApp();
    await screen.findByRole('tree');
    api.signedIn = false;
    api.emit({ origin: ORIGIN, account: null, scope: 'session' });
    expect(await screen.findByRole('link', { name: 'Accedi di nuovo alla webmail' })).toBeTruthy();
  });
});

describe('search and expiring', () => {
  it('filters cached summaries at once and merges the provider results without duplicates', async () => {
    api.remoteSearch = [summary(3), summary(999, { id: 'remote1', subject: 'Solo sul server numero' })];
    renderApp();
    fireEvent.input(await screen.findByRole('searchbox', { name: "Cerca nell'archivio" }), { target: { value: 'numero 3' } });
    const results = await screen.findByRole('listbox', { name: 'Risultati della ricerca' });
    await waitFor(() => expect(within(results).getAllByRole('option').length).toBeGreaterThan(0));
    await waitFor(() => expect(document.querySelector('[data-search-status="done"]')).toBeTruthy(), { timeout: 3000 });
    const ids = within(results)
      .getAllByRole('option')
      .map((row) => row.getAttribute('data-message-id'));
    expect(ids).toContain('m000003');
    expect(ids).toContain('remote1');
    expect(new Set(ids).size).toBe(ids.length);
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Escape' });
    expect(await screen.findByRole('listbox', { name: 'Messaggi in Posta in arrivo' })).toBeTruthy();
  });

  it('says when more messages are due than one reply lists, and counts them all', async () => {
    api.expiringItems = Array.from({ length: 3 }, (_, i) =>
      summary(i, { deleteFrom: '2026-12-02T10:00:00.000Z', deleteTo: '2026-12-08T10:00:00.000Z' }),
    );
    api.expiringTotal = 12_500;
    renderApp();
    fireEvent.click(await screen.findByRole('treeitem', { name: /^In scadenza/ }));
    const note = await screen.findByRole('note');
    expect(note.textContent).toBe(
      "Qui sono elencati i primi 3 dei 12.500 messaggi in scadenza, i più vicini all'eliminazione. Gli altri restano nelle loro cartelle: puoi ripristinarli da lì o esportare la cartella.",
    );
    expect(screen.getByText('12.500 messaggi')).toBeTruthy();
    expect(await screen.findByRole('treeitem', { name: 'In scadenza, 12.500 messaggi' })).toBeTruthy();
  });

  it('has no such note when the reply lists every message due', async () => {
    api.expiringItems = [summary(4, { deleteFrom: '2026-12-02T10:00:00.000Z', deleteTo: '2026-12-08T10:00:00.000Z' })];
    api.expiringTotal = 1;
    renderApp();
    fireEvent.click(await screen.findByRole('treeitem', { name: /^In scadenza/ }));
    await within(await screen.findByRole('listbox', { name: 'In scadenza' })).findByRole('option');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('lists messages due for deletion with their window, each restorable', async () => {
    api.expiringItems = [summary(4, { deleteFrom: '2026-12-02T10:00:00.000Z', deleteTo: '2026-12-08T10:00:00.000Z' })];
    renderApp();
    fireEvent.click(await screen.findByRole('treeitem', { name: /^In scadenza/ }));
    const list = await screen.findByRole('listbox', { name: 'In scadenza' });
    const row = await within(list).findByRole('option');
    expect(row.textContent).toContain("prevista tra il 2 dicembre 2026 e l'8 dicembre 2026");
    fireEvent.click(row);
    fireEvent.click(await screen.findByRole('button', { name: 'Ripristina nella casella' }));
    expect(await screen.findByText(/Messaggio ripristinato/)).toBeTruthy();
    expect(api.calls).toContain('restore:m000004');
  });
});
