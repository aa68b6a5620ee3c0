// Shared set-up of unit and integration tests: an IndexedDB in memory and a fresh fake browser per test.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

beforeEach(() => {
  fakeBrowser.reset();
});

// Preact runs effects after paint: a frame raced by a 35 ms timer that then cancels the frame. A file that ends right
// after a render would leave that timer to fire once jsdom is gone (cancelAnimationFrame undefined): let it run first.
afterAll(async () => {
  if (typeof window === 'undefined') return;
  await new Promise((done) => setTimeout(done, 60));
});
