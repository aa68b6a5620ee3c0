// Stale-while-revalidate: answer from the cache at once, refresh from the provider, say how fresh the answer is.
import { ArchiveError } from '@/utils/api/errors';
import type { Fresh, Freshness } from '@/utils/rpc/fresh';

export type { Fresh, Freshness };

const OFFLINE_KINDS = new Set(['network', 'timeout']);

export function isOfflineError(error: unknown): boolean {
  return error instanceof ArchiveError && OFFLINE_KINDS.has(error.kind);
}

/**
 * With a cached value, waits at most `budgetMs` for the refresh: a quick answer (or a quick failure, like a
 * refused connection) decides the reply; a slow one continues in the background while the cache answers.
 * Without a cached value, the refresh is the answer. Session errors always reach the caller. A budget of 0 answers
 * from the cache without waiting at all.
 */
export async function staleWhileRevalidate<T>(
  cached: { value: T; fetchedAt: number } | undefined,
  refresh: () => Promise<T>,
  budgetMs: number,
  now: () => number = Date.now,
  /** What the last finished attempt said of the connection, for answers given before this one finishes. */
  knownOffline = false,
): Promise<Fresh<T>> {
  if (!cached) {
    const value = await refresh();
    return { value, freshness: { source: 'network', fetchedAt: now(), offline: false, stale: false } };
  }
  if (budgetMs <= 0) {
    // Nothing waits for the network: the refresh runs on, its outcome reaches views as change events.
    refresh().catch(() => undefined);
    return { value: cached.value, freshness: { source: 'cache', fetchedAt: cached.fetchedAt, offline: knownOffline, stale: true } };
  }
  const attempt = refresh().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([attempt, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), budgetMs)))]);
  clearTimeout(timer);
  if (outcome?.ok) {
    return { value: outcome.value, freshness: { source: 'network', fetchedAt: now(), offline: false, stale: false } };
  }
  if (outcome && !outcome.ok) {
    const error = outcome.error;
    if (!(error instanceof ArchiveError)) throw error;
    if (error.kind === 'unauthenticated' || error.kind === 'forbidden' || error.kind === 'archive_disabled') throw error;
    return {
      value: cached.value,
      freshness: { source: 'cache', fetchedAt: cached.fetchedAt, offline: isOfflineError(error), stale: true, error: error.toData() },
    };
  }
  return { value: cached.value, freshness: { source: 'cache', fetchedAt: cached.fetchedAt, offline: knownOffline, stale: true } };
}
