// The one download follower: progress estimated from the folder size, the file's name, polling until the end.
import { describe, expect, it } from 'vitest';
import { progressOf, watchDownload, type DownloadItemLike } from '@/utils/downloads/follow';

describe('download follower', () => {
  const item = (patch: Partial<DownloadItemLike>): DownloadItemLike => ({ id: 7, state: 'in_progress', bytesReceived: 0, totalBytes: 0, ...patch });

  it('estimates from the folder size when the stream has no length, never claiming 100 % early', () => {
    expect(progressOf(item({ bytesReceived: 500 }), 1000)).toEqual({ state: 'in_progress', received: 500, total: 1000, ratio: 0.5, filename: null });
    expect(progressOf(item({ bytesReceived: 1200 }), 1000).ratio).toBe(0.99);
    expect(progressOf(item({ bytesReceived: 1200, totalBytes: 2400 }), 1000).ratio).toBe(0.5);
    expect(progressOf(item({ bytesReceived: 10 }), null).ratio).toBeNull();
    expect(progressOf(item({ state: 'complete', bytesReceived: 1200 }), 1000).ratio).toBe(1);
    expect(progressOf(item({ state: 'interrupted', error: 'USER_CANCELED' }), 1000).state).toBe('cancelled');
    expect(progressOf(item({ state: 'interrupted', error: 'NETWORK_FAILED' }), 1000).state).toBe('interrupted');
    expect(progressOf(item({ filename: '/home/u/Scaricati/archivio.mbox' }), null).filename).toBe('archivio.mbox');
    expect(progressOf(item({ filename: 'C:\\Users\\u\\archivio.mbox' }), null).filename).toBe('archivio.mbox');
  });

  it('polls the download until it ends', async () => {
    const states = [item({ bytesReceived: 100 }), item({ bytesReceived: 600 }), item({ state: 'complete', bytesReceived: 1000 })];
    let searches = 0;
    const downloads = { search: async () => [states[Math.min(searches++, states.length - 1)]!], cancel: async () => undefined };
    const seen: number[] = [];
    await new Promise<void>((resolve) => {
      watchDownload(
        downloads,
        7,
        1000,
        (progress) => {
          seen.push(progress.received);
          if (progress.state === 'complete') resolve();
        },
        5,
      );
    });
    expect(seen).toEqual([100, 600, 1000]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(searches).toBe(3);
  });

  it('reports a download the browser no longer knows as interrupted, and stops polling', async () => {
    let searches = 0;
    const downloads = { search: async () => (searches++, []), cancel: async () => undefined };
    const seen = await new Promise<string>((resolve) => watchDownload(downloads, 7, null, (progress) => resolve(progress.state), 5));
    expect(seen).toBe('interrupted');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(searches).toBe(1);
  });
});
