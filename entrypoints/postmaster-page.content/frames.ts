// The postmaster's extension frames on the webmail page: which are ours, their messages, and page-wide dialogs.
import { extensionOrigin } from '@/utils/frames/extension-origin';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseFrameMessage, type FrameMessage } from '@/utils/frames/postmaster-messages';
import { frameHash, type FrameParams } from '@/utils/frames/postmaster-url';
import { supportedLanguage } from '@/utils/i18n/language';
import { rpc } from '@/utils/rpc/client';

type Handler = (message: FrameMessage) => void;

export function frameUrl(ticket: string | null, scheme: FrameParams['scheme'], pageLanguage: string | null = null): string {
  // Cast: the page is another entrypoint, absent from WXT's generated path list until it is built.
  const getURL = browser.runtime.getURL as (path: string) => string;
  return getURL('/postmaster.html') + frameHash({ ticket, scheme, lang: supportedLanguage(pageLanguage) });
}

/**
 * An iframe of ours; its `color-scheme` matches the page inside so the browser keeps it transparent. Its address
 * carries only a one-time ticket from the background for `params`: the frame learns its view by redeeming it.
 * Without a ticket (the background did not answer) the frame says how to open it again and acts on nothing.
 */
export function createFrame(doc: Document, params: FrameParams, title: string): HTMLIFrameElement {
  const iframe = doc.createElement('iframe');
  iframe.title = title;
  const { view, mailboxes, scheme } = params;
  void rpc('frame.open', { frame: { view, mailboxes, scheme } }).then(
    ({ ticket }) => (iframe.src = frameUrl(ticket, scheme, doc.documentElement.lang)),
    () => (iframe.src = frameUrl(null, scheme, doc.documentElement.lang)),
  );
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.style.colorScheme = params.scheme ?? 'normal';
  iframe.style.border = '0';
  iframe.style.display = 'block';
  iframe.style.background = 'transparent';
  return iframe;
}

/**
 * Routes `postMessage`s from our frames to their handlers. A message counts only when it comes from the
 * extension's origin *and* from the window of a frame we created: the page cannot forge either.
 */
export class FrameHub {
  private readonly frames = new Map<HTMLIFrameElement, Handler>();
  private readonly extensionOrigin = extensionOrigin();

  constructor(ctx: ContentScriptContext) {
    ctx.addEventListener(window, 'message', (event) => this.receive(event));
  }

  register(iframe: HTMLIFrameElement, handler: Handler): () => void {
    this.frames.set(iframe, handler);
    return () => this.frames.delete(iframe);
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== this.extensionOrigin || !event.source) return;
    for (const [iframe, handler] of this.frames) {
      if (iframe.contentWindow !== event.source) continue;
      const message = parseFrameMessage(event.data);
      if (message) handler(message);
      return;
    }
  }
}

const OVERLAY_CSS = `
:host { all: initial; }
iframe { position: fixed; inset: 0; width: 100vw; height: 100vh; z-index: 2147483647; }
`;

export interface DialogHandle {
  close(): void;
}

/**
 * A dialog frame over the whole webmail page (enable / disable confirmation, bulk panel). One at a time;
 * focus goes into it and comes back to `returnFocus` when it closes.
 */
export class DialogLayer {
  private open: { host: HTMLElement; unregister: () => void; returnFocus: HTMLElement | null } | null = null;

  constructor(private readonly hub: FrameHub) {}

  show(
    params: FrameParams,
    title: string,
    returnFocus: HTMLElement | null,
    onClose: (changed: boolean) => void,
    onOpen?: (view: 'disable' | 'enable', mailbox: string) => void,
  ): DialogHandle {
    this.close();
    const host = document.createElement('div');
    host.setAttribute('data-archivio-dialog', params.view);
    // Closed: the webmail page cannot reach the frame inside (its address, its size, its style).
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const iframe = createFrame(document, params, title);
    shadow.append(style, iframe);
    const unregister = this.hub.register(iframe, (message) => {
      if (message.action === 'close') {
        this.close();
        onClose(message.changed);
      } else if (message.action === 'open') {
        onOpen?.(message.view, message.mailbox);
      }
    });
    iframe.addEventListener('load', () => iframe.focus(), { once: true });
    document.body.append(host);
    this.open = { host, unregister, returnFocus };
    return { close: () => this.close() };
  }

  close(): void {
    if (!this.open) return;
    const { host, unregister, returnFocus } = this.open;
    this.open = null;
    unregister();
    host.remove();
    if (returnFocus?.isConnected) returnFocus.focus();
  }
}
