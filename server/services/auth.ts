// Checking an address/password pair against the accounts (shared by webmail sign-in and SMTP AUTH).
import { normalizeAddress } from '../rules/delivery';
import type { Account } from '../storage/accounts';
import type { Services } from './context';
import { verifyPassword } from './passwords';

// Compared against when the account does not exist, so unknown and known addresses take the same time.
const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function authenticate(s: Services, address: unknown, password: unknown): Promise<Account | null> {
  if (typeof address !== 'string' || typeof password !== 'string') return null;
  if (address.length > 254 || password.length > 1024) return null;
  const account = s.accounts.get(normalizeAddress(address));
  const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
  return ok && account ? account : null;
}
