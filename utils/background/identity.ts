// Who is signed in on which webmail origin: asked of the provider, remembered in session storage only.
import type { Me } from '@/utils/api/schemas';

/**
 * An identity is stored only once the provider confirmed it (`/me`) in this browser session: the cache serves an
 * account's data only while one of these names it.
 */
export interface IdentityStore {
  get(origin: string): Promise<Me | null>;
  set(origin: string, me: Me): Promise<void>;
  /** Every account confirmed on some origin in this browser session. */
  confirmedAccounts(): Promise<Set<string>>;
  forget(origin: string): Promise<void>;
  lastOrigin(): Promise<string | null>;
  setLastOrigin(origin: string): Promise<void>;
}

const identityKey = (origin: string) => `identity:${origin}`;
const LAST_ORIGIN = 'webmail:lastOrigin';

/**
 * Backed by `storage.session`: survives the service worker being stopped and restarted, never reaches disk,
 * and is gone when the browser closes.
 */
export function sessionIdentityStore(area: Browser.storage.StorageArea): IdentityStore {
  return {
    async get(origin) {
      const stored = await area.get(identityKey(origin));
      return (stored[identityKey(origin)] as Me | undefined) ?? null;
    },
    async set(origin, me) {
      await area.set({ [identityKey(origin)]: me });
    },
    async forget(origin) {
      await area.remove(identityKey(origin));
    },
    async confirmedAccounts() {
      const stored = await area.get(null);
      const accounts = new Set<string>();
      for (const [key, value] of Object.entries(stored)) if (key.startsWith('identity:')) accounts.add((value as Me).address);
      return accounts;
    },
    async lastOrigin() {
      const stored = await area.get(LAST_ORIGIN);
      return (stored[LAST_ORIGIN] as string | undefined) ?? null;
    },
    async setLastOrigin(origin) {
      await area.set({ [LAST_ORIGIN]: origin });
    },
  };
}

/** A plain in-memory store, for tests and for contexts without session storage. */
export function memoryIdentityStore(): IdentityStore {
  const identities = new Map<string, Me>();
  let last: string | null = null;
  return {
    get: async (origin) => identities.get(origin) ?? null,
    set: async (origin, me) => void identities.set(origin, me),
    forget: async (origin) => void identities.delete(origin),
    confirmedAccounts: async () => new Set([...identities.values()].map((me) => me.address)),
    lastOrigin: async () => last,
    setLastOrigin: async (origin) => void (last = origin),
  };
}
