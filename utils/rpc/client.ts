// How views call the background: typed from the request table, and resilient to a service worker that is asleep
// or restarting. Views get one BackgroundClient (injected); content scripts call `rpc` directly.
import { ArchiveError } from '@/utils/api/errors';
import { isChangeEvent, type ChangeEvent } from './events';
import type { RpcReply } from './protocol';
import type { Reply, RequestName, RequestPayload } from './requests';
import { RPC_TAG } from './tag';

const NOT_READY = /Receiving end does not exist|Could not establish connection|message port closed/i;

export async function rpc<N extends RequestName>(name: N, payload: RequestPayload<N>, attempts = 4): Promise<Reply<N>> {
  for (let attempt = 1; ; attempt++) {
    let reply: RpcReply<Reply<N>> | undefined;
    try {
      reply = (await browser.runtime.sendMessage({ tag: RPC_TAG, name, payload })) as RpcReply<Reply<N>> | undefined;
    } catch (error) {
      // A worker being started (or restarted after an update) may miss the first message; ask again shortly.
      if (attempt < attempts && NOT_READY.test(String(error))) {
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        continue;
      }
      throw new ArchiveError('network', { detail: String(error) });
    }
    if (!reply) throw new ArchiveError('bad_message', { detail: 'no reply' });
    if (reply.ok) return reply.value;
    throw ArchiveError.fromData(reply.error);
  }
}

/** A payload without `origin`: the client adds the one it serves. */
export type CallPayload<N extends RequestName> = Omit<RequestPayload<N>, 'origin'>;

/** What every view uses to reach the background: one call per request of the table, and the change events. */
export interface BackgroundClient {
  call<N extends RequestName>(name: N, payload: CallPayload<N>): Promise<Reply<N>>;
  /** Calls `listener` for every change event the background broadcasts; returns the unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

/**
 * The real client. `origin` is sent only when the page was told one (a tab of its own, the popup); inside the
 * webmail the background takes the origin from the frame's tab.
 */
export function backgroundClient(origin: string | null = null): BackgroundClient {
  return {
    call: (name, payload) => rpc(name, (origin ? { ...payload, origin } : payload) as RequestPayload<typeof name>),
    onChange(listener) {
      const onMessage = (message: unknown) => {
        if (isChangeEvent(message)) listener(message);
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
