// The fallback UI when the webmail's anchors are missing: a floating "Archivio" button and an overlay panel, each
// in its own shadow root so the page's styles cannot reach them (and theirs cannot leak out).
import { t } from '@/utils/i18n';
import type { ColorScheme } from '@/utils/frames/scheme';

export const LAUNCHER = 'launcher';
export const PANEL = 'archive-panel';

/** Colours of both schemes; the host's `data-scheme` picks one (see setScheme). */
const palette = `
  :host { --surface: #ffffff; --text: #1b2733; --border: #c9d3de; --accent: #0b5cad; --on-accent: #ffffff; }
  :host([data-scheme="dark"]) { --surface: #18212b; --text: #e3eaf1; --border: #33414f; --accent: #8cc2ff; --on-accent: #0d131a; }
`;

/** Follows the webmail's light or dark scheme. */
export function setScheme(host: HTMLElement, scheme: ColorScheme): void {
  host.dataset.scheme = scheme;
}

function shadowHost(doc: Document, role: string, scheme: ColorScheme): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('div');
  host.dataset.archivio = role;
  setScheme(host, scheme);
  // Open so assistive tech and tests see it; it holds no mail, and the archive itself stays in its own frame.
  const root = host.attachShadow({ mode: 'open' });
  return { host, root };
}

function style(doc: Document, css: string): HTMLStyleElement {
  const element = doc.createElement('style');
  element.textContent = css;
  return element;
}

/** The floating button; shown only while the navigation item could not be placed. */
export function createLauncher(doc: Document, scheme: ColorScheme, onActivate: () => void): HTMLElement {
  const { host, root } = shadowHost(doc, LAUNCHER, scheme);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('archiveTab_launcherLabel');
  button.title = t('archiveTab_launcherHint');
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onActivate();
  });
  root.append(
    style(
      doc,
      `${palette}
    :host { all: initial; position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; }
    button {
      font: 600 14px/20px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
      padding: 10px 18px; border: 1px solid var(--border); border-radius: 999px; cursor: pointer;
      background: var(--accent); color: var(--on-accent); box-shadow: 0 6px 20px rgba(0, 0, 0, 0.25);
    }
    button:hover { filter: brightness(1.08); }
    button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
  `,
    ),
    button,
  );
  return host;
}

export interface ArchivePanel {
  host: HTMLElement;
  /** Where the archive frame goes. */
  body: HTMLElement;
  closeButton: HTMLButtonElement;
}

/** The overlay panel for pages without a usable content area. */
export function createPanel(doc: Document, scheme: ColorScheme, onClose: () => void): ArchivePanel {
  const { host, root } = shadowHost(doc, PANEL, scheme);
  const dialog = doc.createElement('section');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', t('archiveTab_panelLabel'));
  const header = doc.createElement('header');
  const title = doc.createElement('span');
  title.textContent = t('archiveTab_panelLabel');
  const closeButton = doc.createElement('button');
  closeButton.type = 'button';
  closeButton.textContent = t('archiveTab_panelClose');
  closeButton.addEventListener('click', (event) => {
    event.preventDefault();
    onClose();
  });
  const body = doc.createElement('div');
  body.className = 'body';
  header.append(title, closeButton);
  dialog.append(header, body);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  });
  root.append(
    style(
      doc,
      `${palette}
    :host { all: initial; position: fixed; inset: 24px; z-index: 2147483646; }
    section {
      display: flex; flex-direction: column; width: 100%; height: 100%; box-sizing: border-box; overflow: hidden;
      background: var(--surface); color: var(--text); border: 1px solid var(--border); border-radius: 12px;
      box-shadow: 0 12px 40px rgba(0, 0, 0, 0.35);
      font: 14px/20px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
    }
    header {
      display: flex; align-items: center; justify-content: space-between; gap: 12px; padding: 8px 12px;
      border-bottom: 1px solid var(--border); font-weight: 600; font-size: 15px;
    }
    button {
      font: inherit; font-weight: 500; padding: 6px 12px; border-radius: 6px; cursor: pointer;
      border: 1px solid var(--border); background: transparent; color: inherit;
    }
    button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
    .body { flex: 1; min-height: 0; }
  `,
    ),
    dialog,
  );
  return { host, body, closeButton };
}
