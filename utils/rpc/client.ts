// How views call the background: typed, and resilient to a service worker that is asleep or restarting.
import { ArchiveError } from '@/utils/api/errors';
import type { RequestName, RequestPayload, RpcReply } from './protocol';
import { RPC_TAG } from './tag';
import type { Responses } from './responses';

const NOT_READY = /Receiving end does not exist|Could not establish connection|message port closed/i;

export async function rpc<N extends RequestName>(name: N, payload: RequestPayload<N>, attempts = 4): Promise<Responses[N]> {
  type T = Responses[N];
  for (let attempt = 1; ; attempt++) {
    let reply: RpcReply<T> | undefined;
    try {
      reply = (await browser.runtime.sendMessage({ tag: RPC_TAG, name, payload })) as RpcReply<T> | undefined;
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
