// Popup test helpers: the Italian dictionary, a recording clipboard, and a stand-in background on fakeBrowser.
import { useDictionary } from '@/utils/i18n';
import { italian } from '../client-profiles/fixtures';

/** Answers the popup's runtime messages the way the background's router does; each test decides the answers. */
export { answerRpc as standInBackground, renderForOrigin, type RpcCall } from '../rpc-stand-in';

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
