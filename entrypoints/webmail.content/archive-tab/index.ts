// The "Archivio" tab in the webmail: nav item (or fallback launcher + Alt+Shift+A), the archive frame in the content
// area, history, colour scheme, and a clean stop when the extension is updated or removed.
import { extensionOrigin } from '@/utils/frames/extension-origin';
import { MESSAGE_TAGS } from '@/utils/frames/tags';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/utils/i18n';
import { reportDetectionFailure } from '@/utils/webmail/censor';
import type { ArchiveRoute, WebmailAdapter } from '@/utils/webmail/adapter';
import { ArchiveTabController } from './controller';
import { createLauncher, setScheme } from './fallback';
import { openViewRequest } from './messages';
import { ensureNavItem, isHostNavClick, navItemsIn, removeNavItems } from './nav-item';
import { isArchiveShortcut } from './shortcut';

/** Mutations come in bursts while the webmail renders: one check after the burst. */
const DEBOUNCE_MS = 50;
/** How long the navigation may be missing (the app still booting) before the launcher shows. */
const MISSING_GRACE_MS = 1_200;

/**
 * A host that rewrites its URL before we start (Roundcube sends its first list request at load) has dropped the route
 * the page was opened with; the navigation entry still names the address the user opened, fragment included.
 */
function restoreOpeningRoute(win: Window, route: ArchiveRoute): void {
  const entry = win.performance?.getEntriesByType('navigation')[0];
  if (!entry) return;
  let opened: URL;
  try {
    opened = new URL(entry.name);
  } catch {
    return;
  }
  const current = new URL(win.location.href);
  if (opened.origin !== current.origin || route.viewOf(current) !== null) return;
  const view = route.viewOf(opened);
  if (view !== null) win.history.replaceState(win.history.state, '', route.url(current, view || null).href);
}

export interface ArchiveTab {
  controller: ArchiveTabController;
  /** Runs the anchor check now (tests; the observer runs it after DOM changes). */
  check(): void;
}

export function startArchiveTab(ctx: ContentScriptContext, adapter: WebmailAdapter, doc: Document = document): ArchiveTab {
  const win = doc.defaultView!;
  if (adapter.archiveRoute?.keptOnHostReplace) restoreOpeningRoute(win, adapter.archiveRoute);
  const controller = new ArchiveTabController(adapter, doc);
  const label = t('archiveTab_navLabel');
  let navigation: HTMLElement | null = null;
  let launcher: HTMLElement | null = null;
  let missingSince: number | null = null;
  let reported = false;
  let pending: number | undefined;
  let graceTimer: number | undefined;

  const openFromUser = (view = '') => {
    controller.open(view, { push: true, focus: true });
    observeRoots(); // the content area's children are watched while the archive shows
  };

  const showLauncher = () => {
    if (!launcher) launcher = createLauncher(doc, adapter.colorScheme(doc), () => openFromUser());
    setScheme(launcher, adapter.colorScheme(doc));
    if (!launcher.isConnected) (doc.body ?? doc.documentElement).append(launcher);
  };
  const hideLauncher = () => {
    launcher?.remove();
  };

  function check(): void {
    if (ctx.isInvalid) return;
    // Steady state costs nothing: the list found last time, still in the page and still holding our item.
    const kept = navigation?.isConnected && navItemsIn(navigation).length === 1 ? navigation : null;
    const nav = kept ?? adapter.navigation(doc);
    if (nav) {
      if (navigation && navigation !== nav) removeNavItems(navigation);
      navigation = nav;
      const control = ensureNavItem(adapter, doc, nav, label, () => openFromUser());
      controller.setNavControl(control, nav);
      missingSince = null;
      reported = false;
      hideLauncher();
    } else {
      navigation = null;
      controller.setNavControl(null, null);
      if (adapter.isSignedOut?.(doc)) {
        missingSince = null;
        hideLauncher();
      } else {
        missingSince ??= Date.now();
        if (Date.now() - missingSince >= MISSING_GRACE_MS) {
          showLauncher();
          if (!reported) {
            reported = true;
            reportDetectionFailure(adapter.id, adapter.contentArea(doc) ? ['navigation'] : ['navigation', 'content area'], doc);
          }
        } else if (graceTimer === undefined) {
          graceTimer = win.setTimeout(
            () => {
              graceTimer = undefined;
              check();
            },
            MISSING_GRACE_MS - (Date.now() - missingSince),
          );
        }
      }
    }
    if (launcher?.isConnected) setScheme(launcher, adapter.colorScheme(doc));
    controller.syncWithUrl(new URL(win.location.href));
    controller.refresh();
    observeRoots();
  }

  // One observer for everything: the anchors' roots (subtree), the content area (its children), the scheme on <html>.
  // Plain timers with one handle: ctx.setTimeout would add an invalidation listener per burst.
  const observer = new MutationObserver(() => {
    if (pending !== undefined) return;
    pending = win.setTimeout(() => {
      pending = undefined;
      check();
    }, DEBOUNCE_MS);
  });
  let observed: Node[] = [];
  function observeRoots(): void {
    const area = controller.isOpen ? adapter.contentArea(doc) : null;
    const roots = adapter.watchRoots?.(doc) ?? [doc.body ?? doc.documentElement];
    const wanted = [...roots, ...(area ? [area] : [])];
    if (wanted.length === observed.length && wanted.every((node, index) => node === observed[index])) return;
    observer.disconnect();
    observed = wanted;
    for (const root of roots) observer.observe(root, { childList: true, subtree: true });
    if (area) observer.observe(area, { childList: true });
    observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  }

  // A host that rewrites its URL without our route (see ArchiveRoute.keptOnHostReplace): the Navigation API says a
  // navigation is a replace. Registered before WXT's own location watcher, so it is known when that one reports.
  let restoreRoute: URL | null = null;
  const navigationApi = (win as unknown as { navigation?: EventTarget }).navigation;
  if (adapter.archiveRoute?.keptOnHostReplace && navigationApi?.addEventListener) {
    ctx.addEventListener(navigationApi, 'navigate', (event: Event) => {
      const navigation = event as Event & { navigationType?: string; destination?: { url: string } };
      const route = adapter.archiveRoute!;
      if (navigation.navigationType !== 'replace' || !navigation.destination || !controller.isOpen || controller.replacingUrl) return;
      const view = route.viewOf(new URL(win.location.href));
      const next = new URL(navigation.destination.url);
      if (view === null || route.viewOf(next) !== null) return;
      restoreRoute = route.url(next, view || null);
    });
  }

  const followUrl = (url: URL) => {
    if (restoreRoute) {
      const target = restoreRoute.href;
      restoreRoute = null;
      // After the host's replace has committed: the host keeps its new query, the archive its route.
      win.setTimeout(() => {
        if (controller.isOpen) win.history.replaceState(win.history.state, '', target);
      }, 0);
      return;
    }
    controller.syncWithUrl(url);
    if (controller.isOpen) controller.refresh();
    observeRoots();
  };
  // The Navigation API reports a change before it commits: use the new URL the event carries.
  ctx.addEventListener(win, 'wxt:locationchange', (event) => followUrl(event.newUrl));
  ctx.addEventListener(win, 'popstate', () => followUrl(new URL(win.location.href)));
  ctx.addEventListener(win, 'hashchange', () => followUrl(new URL(win.location.href)));
  ctx.addEventListener(win, 'resize', () => controller.refresh());
  // Leaving through the host's own navigation shows its content again at once, even if its URL does not change.
  ctx.addEventListener(
    doc,
    'click',
    (event) => {
      if (!controller.isOpen || !navigation) return;
      const path = event.composedPath();
      const link = path.find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
      if (isHostNavClick(path, navigation, adapter.keepsArchiveOpen)) controller.closeForHost(link?.getAttribute('aria-disabled') !== 'true');
      else if (isHostNavClick(path, navigation) && link?.getAttribute('href') === '#') {
        // A host control that acts in place (Roundcube's dark-mode toggle) but is a link to "#": following it would
        // drop the archive's route from the URL. Its own handlers still run.
        event.preventDefault();
      }
    },
    { capture: true },
  );
  ctx.addEventListener(
    win,
    'keydown',
    (event) => {
      if (!isArchiveShortcut(event)) return;
      event.preventDefault();
      openFromUser(controller.currentView ?? '');
    },
    { capture: true },
  );
  // Our own archive frame asks to be closed (Esc inside it); only that frame, on the extension's origin, is heard.
  const frameOrigin = extensionOrigin();
  ctx.addEventListener(win, 'message', (event) => {
    if (event.origin !== frameOrigin || !controller.isOwnFrame(event.source)) return;
    const data = event.data as { type?: unknown } | null;
    if (data?.type === MESSAGE_TAGS.closeArchive) controller.leave();
  });

  const onMessage = (message: unknown) => {
    const view = openViewRequest(message);
    if (view === null) return undefined;
    openFromUser(view);
    return Promise.resolve({ opened: true });
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    observer.disconnect();
    if (pending !== undefined) win.clearTimeout(pending);
    if (graceTimer !== undefined) win.clearTimeout(graceTimer);
    browser.runtime.onMessage.removeListener(onMessage);
    controller.destroy();
    if (navigation) removeNavItems(navigation);
    const stray = adapter.navigation(doc);
    if (stray) removeNavItems(stray);
    for (const item of navItemsIn(doc)) item.remove();
    launcher?.remove();
  });

  check();
  return { controller, check };
}
