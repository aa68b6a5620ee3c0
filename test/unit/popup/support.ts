// Popup test helpers: the Italian dictionary, a recording clipboard, and a stand-in background on fakeBrowser.
import { fakeBrowser } from 'wxt/testing';
import { ArchiveError } from '@/utils/api/errors';
import { useDictionary } from '@/utils/i18n';
import { italian } from '../client-profiles/fixtures';

export function useItalian() {
  useDictionary('it', italian());
}

/** jsdom has no Clipboard API: a recording one, so tests read back exactly what was written. */
export function installClipboard(): string[] {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void written.push(text) },
  });
  return written;
}

export interface RpcCall {
  name: string;
  payload: Record<string, unknown>;
}

/**
 * Answers the popup's runtime messages the way the background's router does (`{ok, value}` or `{ok:false, error}`);
 * each test decides the answers. Calls are recorded in order.
 */
export function standInBackground(answer: (call: RpcCall) => unknown): RpcCall[] {
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
