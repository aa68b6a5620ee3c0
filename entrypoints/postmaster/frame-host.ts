// How a postmaster frame talks to the content script hosting it (its parent window on the webmail page).
import { FRAME_MESSAGE, type FrameMessage } from '@/utils/frames/postmaster-messages';

type Outgoing = FrameMessage extends infer M ? (M extends { type: string } ? Omit<M, 'type'> : never) : never;

export interface FrameHost {
  /** True when the frame sits inside the webmail (false when the page was opened on its own). */
  embedded: boolean;
  send(message: Outgoing): void;
}

/** Messages go only to the webmail origin named in the frame's address (never to "*" when it is known). */
export function frameHost(origin: string | null, win: Window = window): FrameHost {
  const embedded = win.parent !== win;
  return {
    embedded,
    send(message) {
      if (!embedded) return;
      win.parent.postMessage({ type: FRAME_MESSAGE, ...message }, origin ?? '*');
    },
  };
}

/** Keeps the hosting iframe as tall as the content (reported on every size change). */
export function reportHeight(host: FrameHost, element: HTMLElement): () => void {
  let last = -1;
  const send = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    host.send({ action: 'resize', height });
  };
  const observer = new ResizeObserver(send);
  observer.observe(element);
  send();
  return () => observer.disconnect();
}
