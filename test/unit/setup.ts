// Shared set-up of unit and integration tests: an IndexedDB in memory and a fresh fake browser per test.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

beforeEach(() => {
  fakeBrowser.reset();
});
