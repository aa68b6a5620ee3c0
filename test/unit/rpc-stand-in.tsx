// A stand-in for the background in component tests: answers our runtime messages as the router does.
import { fakeBrowser } from 'wxt/testing';
import type { ComponentChildren } from 'preact';
import { render } from '@testing-library/preact';
import { BackgroundContext } from '@/components/background';
import { ArchiveError } from '@/utils/api/errors';
import { backgroundClient } from '@/utils/rpc/client';

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

/** Renders a view as its page does: with the background client of the webmail origin it serves. */
export function renderForOrigin(node: ComponentChildren, origin: string) {
  return render(<BackgroundContext.Provider value={backgroundClient(origin)}>{node}</BackgroundContext.Provider>);
}
