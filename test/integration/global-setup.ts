// One seeded reference provider (test mode) for the API client and cache tests.
import type { TestProject } from 'vitest/node';
import { removeDataDir, startProvider } from '../support/provider';

declare module 'vitest' {
  export interface ProvidedContext {
    providerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const provider = await startProvider({ seed: true, testMode: true });
  project.provide('providerUrl', provider.url);
  return async () => {
    await provider.stop();
    removeDataDir(provider.dataDir);
  };
}
