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

/**
 * Reads a change's target back after a write with no verdict, at `delays`, until `landed` says the provider shows it.
 * `settle` is called once: `true` as soon as a read shows the change, `false` when the last read still does not (the
 * provider had its time: the change did not land). Returns a stop for when the view goes away.
 */
export function readBack<T>(
  read: () => Promise<T>,
  landed: (value: T) => boolean,
  settle: (landed: boolean) => void,
  delays: readonly number[] = REREAD_AFTER_MS,
): () => void {
  let over = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const stop = () => {
    over = true;
    for (const timer of timers) clearTimeout(timer);
  };
  const last = delays.length - 1;
  delays.forEach((delay, index) => {
    timers.push(
      setTimeout(() => {
        void read().then(
          (value) => {
            if (over) return;
            if (landed(value)) {
              stop();
              settle(true);
            } else if (index === last) {
              stop();
              settle(false);
            }
          },
          () => {
            // An unreadable status says nothing either way; only the last read decides.
            if (!over && index === last) {
              stop();
              settle(false);
            }
          },
        );
      }, delay),
    );
  });
  return stop;
}
