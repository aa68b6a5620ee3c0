// Who is signed in on which archive session: asked of the provider, remembered in session storage only. A session is
// keyed by the origin its API lives at (the webmail origin itself when the API sits beside the pages).
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
  /** The address a webmail origin's page shows: a hint to prefill a sign-in form, never an identity. */
  accountHint(origin: string): Promise<string | null>;
  setAccountHint(origin: string, address: string): Promise<void>;
  /** A sign-out the provider has not acknowledged yet (it could not be reached): sent again before anything else. */
  pendingSignOut(key: string): Promise<boolean>;
  setPendingSignOut(key: string, pending: boolean): Promise<void>;
}

const identityKey = (origin: string) => `identity:${origin}`;
const hintKey = (origin: string) => `hint:${origin}`;
const pendingKey = (key: string) => `signOutPending:${key}`;
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
    async accountHint(origin) {
      const stored = await area.get(hintKey(origin));
      return (stored[hintKey(origin)] as string | undefined) ?? null;
    },
    async setAccountHint(origin, address) {
      await area.set({ [hintKey(origin)]: address });
    },
    async pendingSignOut(key) {
      const stored = await area.get(pendingKey(key));
      return stored[pendingKey(key)] === true;
    },
    async setPendingSignOut(key, pending) {
      if (pending) await area.set({ [pendingKey(key)]: true });
      else await area.remove(pendingKey(key));
    },
  };
}

/** A plain in-memory store, for tests and for contexts without session storage. */
export function memoryIdentityStore(): IdentityStore {
  const identities = new Map<string, Me>();
  const hints = new Map<string, string>();
  const pending = new Set<string>();
  let last: string | null = null;
  return {
    get: async (origin) => identities.get(origin) ?? null,
    set: async (origin, me) => void identities.set(origin, me),
    forget: async (origin) => void identities.delete(origin),
    confirmedAccounts: async () => new Set([...identities.values()].map((me) => me.address)),
    lastOrigin: async () => last,
    setLastOrigin: async (origin) => void (last = origin),
    accountHint: async (origin) => hints.get(origin) ?? null,
    setAccountHint: async (origin, address) => void hints.set(origin, address),
    pendingSignOut: async (key) => pending.has(key),
    setPendingSignOut: async (key, on) => void (on ? pending.add(key) : pending.delete(key)),
  };
}
