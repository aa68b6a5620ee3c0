// A change whose reply never came (or came unreadable) may still have been applied by the provider: the panel must
// not say "nothing was changed" then, and reads the status again until the provider has had its time to finish.
import type { ArchiveErrorKind } from '@/utils/api/errors';

/** The write was sent and no verdict came back: a lost connection, a stopped worker, a timeout, a cut reply. */
export function outcomeUnknown(kind: ArchiveErrorKind): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'invalid_reply' || kind === 'bad_message';
}

/**
 * When to read the status again after such a change: at once, then until the background's API client would have
 * given up on the request (its 20 s timeout, utils/api/client.ts), with a second to spare.
 */
export const REREAD_AFTER_MS: readonly number[] = [0, 2_000, 5_000, 10_000, 21_000];
