// A stand-in for the background in component tests: answers our runtime messages as the router does.
import { fakeBrowser } from 'wxt/testing';
import { ArchiveError } from '@/utils/api/errors';

export interface RpcCall {
  name: string;
  payload: Record<string, unknown>;
}

/**
 * Answers each `rpc()` with `{ok, value}` from `answer`, or `{ok:false, error}` when it throws (anything but an
 * ArchiveError counts as a server error). Calls are recorded in order in the returned array.
 */
export function answerRpc(answer: (call: RpcCall) => unknown): RpcCall[] {
  const calls: RpcCall[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { tag?: string; name: string; payload: Record<string, unknown> }) => {
    if (message?.tag !== 'archivio/rpc') return undefined;
    const call = { name: message.name, payload: message.payload };
    calls.push(call);
    return Promise.resolve()
      .then(() => answer(call))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: (error instanceof ArchiveError ? error : new ArchiveError('server')).toData() }),
      );
  }) as never);
  return calls;
}
