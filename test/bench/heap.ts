// JavaScript heaps of the extension's service worker and of an open archive page, after a garbage collection, read
// through DevTools (`Runtime.getHeapUsage`). Playwright's persistent context talks to Chromium over a pipe and offers
// no session on a worker, so puppeteer-core attaches beside it through a debugging port of the same browser.
import puppeteer, { type Target } from 'puppeteer-core';

export interface Heaps {
  backgroundHeapBytes: number;
  archiveFrameHeapBytes: number;
}

async function usedHeap(target: Target): Promise<number> {
  const session = await target.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** The heaps now: the extension's running worker and the first archive page (0 when either is not there). */
export async function measureHeaps(debuggingPort: number, extensionId: string): Promise<Heaps> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${debuggingPort}` });
  try {
    const ours = (type: string, file: string) => (target: Target) =>
      target.type() === type && target.url().startsWith(`chrome-extension://${extensionId}/${file}`);
    const find = (type: string, file: string) => browser.waitForTarget(ours(type, file), { timeout: 5_000 }).catch(() => null);
    const worker = await find('service_worker', 'background.js');
    const archive = await find('page', 'archive.html');
    if (!worker || !archive) {
      const seen = browser.targets().map((target) => `${target.type()} ${target.url()}`);
      process.stderr.write(`[bench] heaps: targets seen: ${seen.join(' | ')}\n`);
    }
    return {
      backgroundHeapBytes: worker ? await usedHeap(worker) : 0,
      archiveFrameHeapBytes: archive ? await usedHeap(archive) : 0,
    };
  } finally {
    await browser.disconnect();
  }
}
