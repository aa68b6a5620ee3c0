// Opens and closes the archive view: in the webmail's content area (host content hidden, a history entry pushed so
// back and forward work) or, without a content area, in the overlay panel.
import type { WebmailAdapter } from '@/utils/webmail/adapter';
import type { ColorScheme } from '@/utils/frames/scheme';
import { createArchiveFrame, updateArchiveFrame } from './frame';
import { hideHostContent, showHostContent } from './host-content';
import { createPanel, setScheme, type ArchivePanel } from './fallback';
import { hostCurrentControls } from './nav-item';

export const ARCHIVE_VIEW = 'archive-view';
const MIN_HEIGHT = 360;

interface OpenState {
  view: string;
  frame: HTMLIFrameElement;
  /** Content mode: the area whose children are hidden, and our container in it. */
  area: HTMLElement | null;
  container: HTMLElement;
  panel: ArchivePanel | null;
  /** Whether this archive view has an entry of its own in the tab's history (back leaves it). */
  routed: boolean;
  /** Whether we pushed that entry (so leaving from our own UI can go back instead of adding another). */
  pushed: boolean;
  /** The host's "current section" marks we took off while the archive is the current section. */
  /** The host's marks of its current item, taken while the archive shows: its aria-current and its class. */
  hostCurrent: { control: HTMLElement; value: string | null; hadClass: boolean }[];
}

export interface OpenOptions {
  /** Add a history entry for the archive (user action) instead of following the URL (back/forward, reload). */
  push: boolean;
  /** Move the keyboard focus into the archive (user action). */
  focus: boolean;
}

export class ArchiveTabController {
  private state: OpenState | null = null;
  private navControl: HTMLElement | null = null;
  private navigation: HTMLElement | null = null;

  constructor(
    private readonly adapter: WebmailAdapter,
    private readonly doc: Document,
  ) {}

  get isOpen(): boolean {
    return this.state !== null;
  }

  get currentView(): string | null {
    return this.state?.view ?? null;
  }

  /** Whether a window is the archive frame this controller shows (messages from it may close the archive). */
  isOwnFrame(source: MessageEventSource | null): boolean {
    return source !== null && this.state?.frame.contentWindow === source;
  }

  private get window(): Window {
    return this.doc.defaultView!;
  }

  private currentUrl(): URL {
    return new URL(this.window.location.href);
  }

  private scheme(): ColorScheme {
    return this.adapter.colorScheme(this.doc);
  }

  /** The navigation item's control (or null); it is marked current while the archive shows. */
  setNavControl(control: HTMLElement | null, navigation: HTMLElement | null): void {
    if (control === this.navControl) return;
    this.navControl = control;
    this.navigation = navigation;
    if (this.state) this.markCurrent(true);
  }

  open(view: string, options: OpenOptions): void {
    const route = this.adapter.archiveRoute;
    const url = this.currentUrl();
    const routeView = route?.viewOf(url) ?? null;
    const push = !!route && options.push && routeView === null;
    // Mount first: pushing the URL makes the location watchers call syncWithUrl, which then finds the view open.
    const mountedNow = !this.state;
    if (this.state) {
      this.state.view = view;
      updateArchiveFrame(this.state.frame, { scheme: this.scheme(), view });
    } else {
      this.state = this.mount(view, false, false);
    }
    const state = this.state;
    if (route && (push || routeView !== null)) state.routed = true;
    if (push) state.pushed = true;
    if (route && options.push && routeView !== view) {
      const target = route.url(url, view || null).href;
      // Already on an archive URL (another view): replace it, one entry is enough.
      if (push) this.window.history.pushState(this.window.history.state, '', target);
      else this.replaceUrl(target);
    }
    this.markCurrent(true);
    if (options.focus) {
      state.frame.focus();
      if (mountedNow) this.refocusOnLoad(state);
    }
  }

  /**
   * A frame focused before its page loads keeps the focus ring but not the keyboard (Tab would leave for the top of
   * the webmail): once the archive page has loaded, focus goes into it again, unless the user went elsewhere.
   */
  private refocusOnLoad(state: OpenState): void {
    state.frame.addEventListener(
      'load',
      () => {
        if (this.state !== state || this.doc.activeElement !== state.frame) return;
        state.frame.blur();
        state.frame.focus();
      },
      { once: true },
    );
  }

  private mount(view: string, routed: boolean, pushed: boolean): OpenState {
    const frame = createArchiveFrame(this.doc, { scheme: this.scheme(), view });
    const area = this.adapter.contentArea(this.doc);
    if (area) {
      const container = this.doc.createElement('div');
      container.dataset.archivio = ARCHIVE_VIEW;
      container.append(frame);
      area.append(container);
      hideHostContent(area, [container, ...(this.adapter.contentAreaKeeps?.(this.doc) ?? [])]);
      const state: OpenState = { view, frame, area, container, panel: null, routed, pushed, hostCurrent: [] };
      this.fitToViewport(state);
      return state;
    }
    const panel = createPanel(this.doc, this.scheme(), () => this.leave());
    panel.body.append(frame);
    (this.doc.body ?? this.doc.documentElement).append(panel.host);
    return { view, frame, area: null, container: panel.host, panel, routed, pushed, hostCurrent: [] };
  }

  /** The archive fills the content area from its top to the bottom of the window. */
  private fitToViewport(state: OpenState): void {
    if (!state.area) return;
    const top = state.area.getBoundingClientRect().top + this.window.scrollY;
    const height = Math.max(MIN_HEIGHT, Math.round(this.window.innerHeight - Math.max(0, top)));
    state.container.style.cssText = `display:block;width:100%;height:${height}px;margin:0;padding:0`;
  }

  /** Closes the view and puts the host's content back; the URL is left to whoever changed it. */
  close(): void {
    const state = this.state;
    if (!state) return;
    this.state = null;
    const hadFocus = state.container.contains(this.doc.activeElement) || this.doc.activeElement === state.frame;
    state.container.remove();
    if (state.area) showHostContent(state.area);
    showHostContent(this.doc);
    this.markCurrent(false, state);
    // Focus that was inside the archive goes back to the control that opened it, not to the top of the page.
    // The user left with the keyboard (Esc) or our close button: show where focus went, as after a Tab.
    if (hadFocus) this.navControl?.focus({ focusVisible: true } as FocusOptions);
  }

  /** Leaving from our own UI (panel's close button, Esc): back out of the entry we pushed, else just close. */
  leave(): void {
    const state = this.state;
    if (!state) return;
    const route = this.adapter.archiveRoute;
    if (route && state.pushed && route.viewOf(this.currentUrl()) !== null) {
      this.window.history.back(); // the URL change closes the view (syncWithUrl)
      return;
    }
    if (route && route.viewOf(this.currentUrl()) !== null) {
      const url = this.currentUrl();
      url.hash = '';
      this.replaceUrl(url.href);
    }
    this.close();
  }

  /** True while the view itself rewrites the URL (so a host's rewrite can be told apart from ours). */
  replacingUrl = false;

  private replaceUrl(url: string): void {
    this.replacingUrl = true;
    try {
      this.window.history.replaceState(this.window.history.state, '', url);
    } finally {
      this.replacingUrl = false;
    }
  }

  /**
   * The user clicked one of the host's own navigation controls: close. A control that will not navigate (Roundcube's
   * aria-disabled link to the current task) also takes the archive's route out of the URL, or the archive would open
   * again at once; any other keeps the history entry, so Back returns to the archive.
   */
  closeForHost(willNavigate = true): void {
    const route = this.adapter.archiveRoute;
    if (!willNavigate && this.state && route && route.viewOf(this.currentUrl()) !== null) {
      const url = this.currentUrl();
      url.hash = '';
      this.replaceUrl(url.href);
    }
    this.close();
  }

  /** Follows the URL: an archive URL opens (or switches) the view, any other closes a view tied to the URL. */
  syncWithUrl(url: URL): void {
    const route = this.adapter.archiveRoute;
    if (!route) return;
    const view = route.viewOf(url);
    if (view === null) {
      if (this.state?.routed) this.close();
      return;
    }
    if (!this.state) {
      this.state = this.mount(view, true, false);
      this.markCurrent(true);
    } else if (this.state.view !== view) {
      this.state.view = view;
      this.state.routed = true;
      updateArchiveFrame(this.state.frame, { scheme: this.scheme(), view });
    }
  }

  /** After host DOM changes or a resize: keep our view in place, the host's content hidden, the scheme in step. */
  refresh(): void {
    const state = this.state;
    if (!state) return;
    const scheme = this.scheme();
    updateArchiveFrame(state.frame, { scheme, view: state.view });
    if (state.panel) {
      setScheme(state.panel.host, scheme);
      if (!state.panel.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(state.panel.host);
      return;
    }
    const area = this.adapter.contentArea(this.doc);
    if (area && area !== state.area) {
      // The host replaced its content region: move our view into the new one.
      if (state.area) showHostContent(state.area);
      state.area = area;
      area.append(state.container);
    }
    if (state.area && !state.container.isConnected) state.area.append(state.container);
    if (state.area) hideHostContent(state.area, [state.container, ...(this.adapter.contentAreaKeeps?.(this.doc) ?? [])]);
    this.fitToViewport(state);
  }

  private markCurrent(current: boolean, state = this.state): void {
    const control = this.navControl;
    const currentClass = this.adapter.navCurrentClass;
    if (current) {
      if (control) {
        control.setAttribute('aria-current', 'page');
        if (currentClass) control.classList.add(currentClass);
      }
      if (state && this.navigation && state.hostCurrent.length === 0) {
        for (const hostControl of hostCurrentControls(this.navigation, currentClass)) {
          const hadClass = currentClass !== undefined && hostControl.classList.contains(currentClass);
          state.hostCurrent.push({ control: hostControl, value: hostControl.getAttribute('aria-current'), hadClass });
          hostControl.removeAttribute('aria-current');
          if (hadClass) hostControl.classList.remove(currentClass!);
        }
      }
      return;
    }
    control?.removeAttribute('aria-current');
    if (currentClass) control?.classList.remove(currentClass);
    // Give the host its mark back unless it already moved it (it re-marks on its own navigation).
    const hostMarked = this.navigation ? hostCurrentControls(this.navigation, currentClass).length > 0 : true;
    if (!hostMarked)
      for (const { control: hostControl, value, hadClass } of state?.hostCurrent ?? []) {
        if (!hostControl.isConnected) continue;
        if (value !== null) hostControl.setAttribute('aria-current', value);
        if (hadClass && currentClass) hostControl.classList.add(currentClass);
      }
  }

  destroy(): void {
    this.close();
    this.navControl = null;
    this.navigation = null;
  }
}
