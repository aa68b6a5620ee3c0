// Boots the demo webmail: checks the session, mounts the header and swaps views on hash changes without reloading.
import { api, ApiError, type Account } from './api';
import { h, replaceChildren } from './dom';
import { parseRoute, type AppContext, type Route, type View, type ViewName } from './route';
import { markCurrent, mountShell, unmountShell } from './shell';
import { watchSystemTheme } from './theme';
import { mountGestione } from './views/gestione';
import { mountImpostazioni } from './views/impostazioni';
import { mountLogin } from './views/login';
import { mountPosta } from './views/posta';
import { mountRubrica } from './views/rubrica';

const defaultHash = '#/posta/inbox';
const content = document.getElementById('content') as HTMLElement;

let account: Account | null = null;
/** Where to go after signing in (the route asked for while signed out). */
let pendingHash: string | null = null;
let current: { view: ViewName; controller: View; element: HTMLElement } | null = null;

const context = (signedIn: Account): AppContext => ({
  account: signedIn,
  navigate,
  fail(error, where) {
    if (error instanceof ApiError && error.status === 401) {
      const resume = location.hash;
      signedOut('La sessione è scaduta: accedi di nuovo.');
      pendingHash = resume; // back to where the user was after signing in again
      return;
    }
    const message = error instanceof Error ? error.message : 'Si è verificato un errore.';
    replaceChildren(where, h('p', { attrs: { class: 'error', role: 'alert' } }, message));
  },
});

function navigate(hash: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    history.replaceState(history.state, '', hash);
    render();
  } else if (location.hash === hash) {
    render();
  } else {
    location.hash = hash; // hashchange renders
  }
}

function unmountView(): void {
  current?.controller.destroy?.();
  current?.element.remove();
  current = null;
}

function showView(route: Route, mount: (element: HTMLElement) => View): void {
  if (current && current.view === route.view && current.controller.update(route)) {
    announceRoute(route);
    return;
  }
  const hadFocusInside = !!current && current.element.contains(document.activeElement);
  unmountView();
  const element = h('div', { attrs: { class: 'view', 'data-view': route.view } });
  content.append(element);
  current = { view: route.view, controller: mount(element), element };
  if (hadFocusInside) element.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  announceRoute(route);
}

/** Extensions follow navigation through these attributes and event (see README.md). */
function announceRoute(route: Route): void {
  content.dataset.view = route.view;
  content.dataset.route = route.hash;
  markCurrent(route.view);
  document.dispatchEvent(new CustomEvent('webmail:navigate', { detail: { view: route.view, hash: route.hash } }));
}

function simpleView(title: string, text: string, link?: [string, string]): (element: HTMLElement) => View {
  return (element) => {
    element.append(
      h(
        'section',
        { attrs: { class: 'panel narrow' } },
        h('h1', { attrs: { tabindex: '-1' } }, title),
        h('p', null, text),
        link ? h('p', null, h('a', { attrs: { href: link[0] } }, link[1])) : null,
      ),
    );
    return { update: () => false };
  };
}

function render(): void {
  const hash = location.hash;
  const isRoute = hash.startsWith('#/') && hash !== '#/';
  if (!isRoute && hash !== '' && hash !== '#' && hash !== '#/' && current) return; // an in-page anchor, not a route
  const route = parseRoute(isRoute ? hash : account ? defaultHash : '#/accesso');
  if (!account) {
    if (route.view !== 'accesso') pendingHash = route.hash;
    if (location.hash !== '#/accesso') history.replaceState(history.state, '', '#/accesso');
    showView(parseRoute('#/accesso'), (element) => mountLogin(element, { onSignedIn: signedIn }));
    return;
  }
  if (route.hash !== hash) history.replaceState(history.state, '', route.hash);
  const ctx = context(account);
  switch (route.view) {
    case 'accesso':
      navigate(defaultHash, { replace: true });
      return;
    case 'posta':
      showView(route, (element) => mountPosta(element, route, ctx));
      return;
    case 'rubrica':
      showView(route, (element) => mountRubrica(element, ctx));
      return;
    case 'impostazioni':
      showView(route, (element) => mountImpostazioni(element, ctx));
      return;
    case 'gestione':
      showView(
        route,
        account.role === 'postmaster'
          ? (element) => mountGestione(element, route, ctx)
          : simpleView('Accesso non consentito', 'La Gestione è riservata al postmaster del dominio.', [defaultHash, 'Torna alla posta']),
      );
      return;
    case 'archivio':
      // Reserved for the Archivio extension: the app steps aside and leaves <main id="content"> to it.
      unmountView();
      announceRoute(route);
      return;
    default:
      showView(route, simpleView('Pagina non trovata', 'La pagina richiesta non esiste.', [defaultHash, 'Torna alla posta']));
  }
}

function signedIn(signed: Account): void {
  account = signed;
  mountShell(signed, () => void signOut());
  const target = pendingHash ?? defaultHash;
  pendingHash = null;
  unmountView();
  navigate(target, { replace: true });
}

function signedOut(message?: string): void {
  account = null;
  pendingHash = null;
  unmountShell();
  unmountView();
  history.replaceState(history.state, '', '#/accesso');
  showView(parseRoute('#/accesso'), (element) => mountLogin(element, { onSignedIn: signedIn, message }));
}

async function signOut(): Promise<void> {
  try {
    await api.signOut();
  } catch {
    // signed out locally anyway; the cookie is HttpOnly and expires on its own
  }
  signedOut('Sei uscito dalla webmail.');
}

async function boot(): Promise<void> {
  watchSystemTheme();
  window.addEventListener('hashchange', render);
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    content.focus();
  });
  try {
    const signed = await api.session();
    account = signed;
    mountShell(signed, () => void signOut());
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) {
      const message = error instanceof Error ? error.message : 'Servizio non raggiungibile.';
      content.append(h('p', { attrs: { class: 'error', role: 'alert' } }, message));
    }
  }
  render();
}

void boot();
