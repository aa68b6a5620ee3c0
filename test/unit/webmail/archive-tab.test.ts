// The "Archivio" tab in jsdom on the captured demo webmail: idempotent injection, open/leave with history, host
// content restored intact, scheme passed to the frame, fallback launcher + shortcut, runtime message, clean stop.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startArchiveTab, type ArchiveTab } from '@/entrypoints/webmail.content/archive-tab/index';
import { useDictionary } from '@/utils/i18n';
import { mergeLocale } from '@/utils/i18n/merge';
import { arubaAdapter } from '@/utils/webmail/aruba';
import { defaultAdapter } from '@/utils/webmail/default';
import { demoAdapter } from '@/utils/webmail/demo';
import { roundcubeAdapter } from '@/utils/webmail/roundcube';
import { loadFixture } from './fixture';

let ctx: ContentScriptContext;
let count = 0;

beforeEach(() => {
  useDictionary('it', mergeLocale(resolve(import.meta.dirname, '../../../locales'), 'it'));
  ctx = new ContentScriptContext(`archive-tab-test-${(count += 1)}`);
});

afterEach(() => {
  ctx.notifyInvalidated();
  useDictionary('it', null);
  vi.restoreAllMocks();
});

const navItems = () => document.querySelectorAll('[data-archivio="nav-item"]');
const frame = (root: ParentNode = document) => root.querySelector<HTMLIFrameElement>('iframe[data-archivio="archive-frame"]');
const hostView = () => document.querySelector<HTMLElement>('main#content > div.view')!;
const archiveControl = () => document.querySelector<HTMLElement>('[data-archivio="nav-item"] a')!;
const nextEvent = (type: string) => new Promise((done) => window.addEventListener(type, done, { once: true }));

function startOnDemo(hash = '#/posta/inbox'): ArchiveTab {
  loadFixture('demo-2026-11-29-inbox.html', `/${hash}`);
  return startArchiveTab(ctx, demoAdapter);
}

describe('archive tab on the demo webmail', () => {
  it('adds exactly one "Archivio" item, before "Esci", however often the check runs', async () => {
    const tab = startOnDemo();
    tab.check();
    tab.check();
    expect(navItems()).toHaveLength(1);
    const labels = [...document.querySelectorAll('nav[aria-label="Navigazione principale"] li')].map((item) => item.textContent);
    expect(labels).toEqual(['Posta', 'Rubrica', 'Impostazioni', 'Archivio', 'Esci']);
    expect(archiveControl().getAttribute('href')).toBe('#/archivio');
    expect(document.querySelector('nav[aria-label="Navigazione principale"] ul')!.hasAttribute('data-archivio-handled')).toBe(true);
  });

  it('puts the item back after the host re-renders its navigation (observer), still only one', async () => {
    startOnDemo();
    const header = document.querySelector('header.topbar')!;
    const oldNav = header.querySelector('nav')!;
    const fresh = oldNav.cloneNode(true) as HTMLElement;
    fresh.querySelector('[data-archivio="nav-item"]')!.remove();
    fresh.querySelector('ul')!.removeAttribute('data-archivio-handled');
    oldNav.replaceWith(fresh);
    expect(navItems()).toHaveLength(0);
    await vi.waitFor(() => expect(navItems()).toHaveLength(1));
    // A copy of our item cloned by the host is not a second item.
    const ul = fresh.querySelector('ul')!;
    ul.append(ul.querySelector('[data-archivio="nav-item"]')!.cloneNode(true));
    await vi.waitFor(() => expect(navItems()).toHaveLength(1));
  });

  it('opens in the content area with a history entry and puts the host content back intact on back', async () => {
    const tab = startOnDemo();
    const before = hostView().textContent;
    const posta = document.querySelector<HTMLElement>('a[data-nav="posta"]')!;
    const historyLength = history.length;

    archiveControl().click();
    expect(location.hash).toBe('#/archivio');
    expect(history.length).toBe(historyLength + 1);
    expect(tab.controller.isOpen).toBe(true);
    expect(hostView().isConnected).toBe(true);
    expect(hostView().style.display).toBe('none');
    const shown = frame()!;
    expect(shown.closest('main#content')).not.toBeNull();
    expect(shown.title).toBe('Archivio');
    expect(shown.src).toBe('chrome-extension://test-extension-id/archive.html#scheme=light&lang=it');
    expect(shown.getAttribute('allow')).toBeNull();
    expect(archiveControl().getAttribute('aria-current')).toBe('page');
    expect(posta.hasAttribute('aria-current')).toBe(false);

    const back = nextEvent('popstate');
    history.back();
    await back;
    await vi.waitFor(() => expect(tab.controller.isOpen).toBe(false));
    expect(frame()).toBeNull();
    expect(hostView().style.display).toBe('');
    expect(hostView().hasAttribute('style')).toBe(false);
    expect(hostView().textContent).toBe(before);
    expect(archiveControl().hasAttribute('aria-current')).toBe(false);
    expect(posta.getAttribute('aria-current')).toBe('page');

    const forward = nextEvent('popstate');
    history.forward();
    await forward;
    await vi.waitFor(() => expect(frame()).not.toBeNull());
    expect(hostView().style.display).toBe('none');
  });

  it('closes at once when the user picks one of the host items, and stays closed on its route', async () => {
    const tab = startOnDemo();
    archiveControl().click();
    expect(tab.controller.isOpen).toBe(true);
    const navigated = nextEvent('hashchange');
    document.querySelector<HTMLElement>('a[data-nav="rubrica"]')!.click();
    expect(tab.controller.isOpen).toBe(false);
    expect(hostView().style.display).toBe('');
    await navigated;
    expect(location.hash).toBe('#/rubrica');
    expect(tab.controller.isOpen).toBe(false);
    expect(navItems()).toHaveLength(1);
  });

  it('puts the keyboard in the archive once its page has loaded, unless the user went elsewhere meanwhile', () => {
    startOnDemo();
    archiveControl().click();
    const opened = frame()!;
    expect(document.activeElement).toBe(opened);
    const focus = vi.spyOn(opened, 'focus');
    const blur = vi.spyOn(opened, 'blur');
    opened.dispatchEvent(new Event('load'));
    expect(blur).toHaveBeenCalledTimes(1);
    expect(focus).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opened);
    // Only the first load: later loads (the app's own navigation) do not take the focus.
    opened.dispatchEvent(new Event('load'));
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('does not take the focus back on load when the user moved on before the archive page loaded', () => {
    startOnDemo();
    archiveControl().click();
    const opened = frame()!;
    const elsewhere = document.querySelector<HTMLElement>('a[data-nav="rubrica"]')!;
    elsewhere.focus();
    const focus = vi.spyOn(opened, 'focus');
    opened.dispatchEvent(new Event('load'));
    expect(focus).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(elsewhere);
  });

  it('opens on load when the URL is already the archive (reload, link)', () => {
    const tab = startOnDemo('#/archivio/expiring');
    expect(tab.controller.isOpen).toBe(true);
    expect(tab.controller.currentView).toBe('expiring');
    expect(frame()!.src).toContain('archive.html#scheme=light&view=expiring');
  });

  it('keeps hiding what the host adds to the content area while the archive shows', async () => {
    startOnDemo();
    archiveControl().click();
    const late = document.createElement('div');
    late.className = 'view';
    document.querySelector('main#content')!.append(late);
    await vi.waitFor(() => expect(late.style.display).toBe('none'));
    expect(frame()!.isConnected).toBe(true);
  });

  it("passes the host's colour scheme to the frame and follows changes", async () => {
    startOnDemo();
    archiveControl().click();
    expect(frame()!.dataset.scheme).toBe('light');
    document.documentElement.setAttribute('data-theme', 'dark');
    await vi.waitFor(() => expect(frame()!.dataset.scheme).toBe('dark'));
  });

  it('opens the view the popup asks for through a runtime message', async () => {
    const tab = startOnDemo();
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'archivio/open-view', view: 'expiring' });
    expect(reply).toEqual({ opened: true });
    expect(tab.controller.currentView).toBe('expiring');
    expect(location.hash).toBe('#/archivio/expiring');
    expect(frame()!.dataset.view).toBe('expiring');
    await expect(fakeBrowser.runtime.sendMessage({ type: 'archivio/open-view', view: '<script>' })).resolves.toBeUndefined();
    await expect(fakeBrowser.runtime.sendMessage({ type: 'something-else' })).resolves.toBeUndefined();
  });

  it('closes when its own archive frame asks, and only then', async () => {
    const tab = startOnDemo();
    archiveControl().click();
    expect(tab.controller.isOpen).toBe(true);
    const extensionOrigin = 'chrome-extension://test-extension-id';
    const post = (source: MessageEventSource | null, origin = extensionOrigin) =>
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'archivio/close' }, origin, source }));
    post(window);
    post(frame()!.contentWindow, 'http://127.0.0.1:8787');
    expect(tab.controller.isOpen).toBe(true);
    post(frame()!.contentWindow);
    // Leaving goes back over the archive's history entry, so the close follows the popstate.
    await vi.waitFor(() => expect(tab.controller.isOpen).toBe(false));
    expect(location.hash).toBe('#/posta/inbox');
    expect(hostView().style.display).toBe('');
  });

  it('shows the launcher when the navigation disappears, reports it without text, and Alt+Shift+A opens', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tab = startOnDemo();
    document.querySelector('nav[aria-label="Navigazione principale"]')!.remove();
    const launcher = await vi.waitFor(
      () => {
        const found = document.querySelector<HTMLElement>('[data-archivio="launcher"]');
        expect(found).not.toBeNull();
        return found!;
      },
      { timeout: 4_000 },
    );
    const button = launcher.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Archivio');
    expect(warn).toHaveBeenCalledTimes(1);
    const report = String(warn.mock.calls[0]![0]);
    expect(report).toContain('main#content');
    // Nothing the mailbox holds: no subjects, senders, addresses or counts.
    const subject = document.querySelector('li[data-message-id] .subject')!.textContent!;
    expect(subject.length).toBeGreaterThan(0);
    expect(report).not.toContain(subject);
    expect(report).not.toContain('mario.rossi');
    expect(report).not.toContain('Mario Rossi');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', code: 'KeyA', altKey: true, shiftKey: true }));
    expect(tab.controller.isOpen).toBe(true);
    expect(location.hash).toBe('#/archivio');
    expect(frame()!.closest('main#content')).not.toBeNull();
    tab.controller.close();
    button.click();
    expect(tab.controller.isOpen).toBe(true);
  });

  it('shows no launcher on the sign-in page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    loadFixture('demo-2026-11-29-login.html', '/#/accesso');
    startArchiveTab(ctx, demoAdapter);
    await new Promise((done) => setTimeout(done, 1_500));
    expect(document.querySelector('[data-archivio="launcher"]')).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('removes everything it added when the extension goes away, and stops watching', async () => {
    const tab = startOnDemo();
    archiveControl().click();
    const before = hostView().textContent;
    ctx.notifyInvalidated();
    expect(navItems()).toHaveLength(0);
    expect(frame()).toBeNull();
    expect(document.querySelector('[data-archivio]')).toBeNull();
    expect(document.querySelector('[data-archivio-hidden], [data-archivio-handled]')).toBeNull();
    expect(hostView().style.display).toBe('');
    expect(hostView().textContent).toBe(before);
    // A later re-render is left alone.
    const ul = document.querySelector('nav[aria-label="Navigazione principale"] ul')!;
    ul.append(document.createElement('li'));
    await new Promise((done) => setTimeout(done, 150));
    expect(navItems()).toHaveLength(0);
    tab.check();
    expect(navItems()).toHaveLength(0);
  });
});

describe('archive tab elsewhere', () => {
  it('on an unknown page: launcher, then the archive in an overlay panel that closes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.documentElement.innerHTML = '<head></head><body><p>Una pagina qualsiasi</p></body>';
    const tab = startArchiveTab(ctx, defaultAdapter);
    const launcher = await vi.waitFor(
      () => {
        const found = document.querySelector<HTMLElement>('[data-archivio="launcher"]');
        expect(found).not.toBeNull();
        return found!;
      },
      { timeout: 4_000 },
    );
    const hash = location.hash;
    launcher.shadowRoot!.querySelector('button')!.click();
    const panel = document.querySelector<HTMLElement>('[data-archivio="archive-panel"]')!;
    expect(panel).not.toBeNull();
    expect(location.hash).toBe(hash);
    const shown = frame(panel.shadowRoot!)!;
    expect(shown.title).toBe('Archivio');
    expect(panel.shadowRoot!.querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Archivio');
    const close = [...panel.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent === 'Chiudi')!;
    close.click();
    expect(tab.controller.isOpen).toBe(false);
    expect(document.querySelector('[data-archivio="archive-panel"]')).toBeNull();
    expect(document.body.textContent).toContain('Una pagina qualsiasi');
  });

  it('on the real webmail structure: the item goes inside the navbar shadow root, once, and survives a re-render', async () => {
    loadFixture('aruba-2026-11-29-mail.html');
    const tab = startArchiveTab(ctx, arubaAdapter);
    const list = () => document.querySelector('aru-navbar')!.shadowRoot!.querySelector('ul')!;
    const ours = () => list().querySelectorAll('[data-archivio="nav-item"]');
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.textContent!.trim()).toBe('Archivio');
    tab.check();
    expect(ours()).toHaveLength(1);
    // Angular re-renders the list inside the shadow root: the observer watches that root too.
    ours()[0]!.remove();
    await vi.waitFor(() => expect(ours()).toHaveLength(1));

    ours()[0]!.querySelector<HTMLElement>('[data-archivio-control]')!.click();
    const main = document.querySelector<HTMLElement>('main.app-main')!;
    expect(frame(main)).not.toBeNull();
    expect(main.querySelector<HTMLElement>('app-mail-page')!.style.display).toBe('none');
    expect(location.hash).toBe('#archivio');
    const back = nextEvent('popstate');
    history.back();
    await back;
    await vi.waitFor(() => expect(tab.controller.isOpen).toBe(false));
    expect(main.querySelector<HTMLElement>('app-mail-page')!.style.display).toBe('');
  });
});

describe('archive tab on Roundcube (elastic)', () => {
  it('joins the task menu once, takes the area right of it and puts the columns back intact', async () => {
    loadFixture('roundcube-2026-12-02-mail.html', '/?_task=mail&_mbox=INBOX');
    const columns = ['layout-sidebar', 'layout-list', 'layout-content'].map((id) => document.getElementById(id)!);
    const before = columns.map((column) => column.outerHTML);
    const tab = startArchiveTab(ctx, roundcubeAdapter);
    tab.check();
    tab.check();
    expect(navItems()).toHaveLength(1);
    const control = document.querySelector<HTMLElement>('#taskmenu > a[data-archivio="nav-item"]')!;
    expect(control.nextElementSibling?.classList.contains('special-buttons')).toBe(true);
    control.click();
    expect(window.location.hash).toBe('#archivio');
    const container = frame()!.parentElement!;
    expect(container.parentElement?.id).toBe('layout');
    for (const column of columns) expect(column.style.display).toBe('none');
    expect(document.getElementById('layout-menu')!.style.display).toBe('');
    tab.controller.leave();
    await new Promise((done) => setTimeout(done, 0));
    tab.controller.close();
    expect(frame()).toBeNull();
    expect(columns.map((column) => column.outerHTML)).toEqual(before);
  });
});
