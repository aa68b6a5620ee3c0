// The retention purge job: runs at start, then periodically, and on demand (test mode) with a simulated date.
import { removeFromArchive } from '../services/archive-store';
import type { Services } from '../services/context';
import { duePurge } from './schedule';

/** Deletes, in every archive with a retention period, the messages whose deletion point is ≤ now. */
export async function runPurge(s: Services, nowMs: number): Promise<number> {
  return s.lock.run(async () => {
    let purged = 0;
    for (const archive of s.archives.listEnabled()) {
      if (archive.retentionMonths === null) continue;
      const due = duePurge(s, archive.address, archive.retentionMonths, nowMs);
      purged += await removeFromArchive(s, archive.address, due, { dropEmptyMonths: true });
    }
    return purged;
  });
}

export function startPurgeTimer(s: Services, intervalMs: number, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    runPurge(s, s.clock.nowMs()).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
