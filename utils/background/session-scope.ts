// Which archive session serves a webmail origin: the one at the API's origin, shared by every webmail origin that
// calls the same API. Beside the webmail it is the webmail's own session; apart from it, the archive's own sign-in.
import { apiOriginFor, type ProviderProfile } from '@/utils/providers/profile';
import type { SignInPlace } from '@/utils/rpc/replies';

export interface SessionScope {
  /** The key an origin's identity is kept under: the origin of the API its session lives at. */
  keyOf(origin: string): string;
  /** Every webmail origin served by the same archive session as `origin` (itself included). */
  sharing(origin: string): string[];
  /** Where a user without a session signs in: on the webmail, or in the archive frame (the API is apart). */
  signInAt: SignInPlace;
}

/** The API beside each webmail origin: every origin is its own session, signed in on the webmail. */
export const WEBMAIL_SESSIONS: SessionScope = { keyOf: (origin) => origin, sharing: (origin) => [origin], signInAt: 'webmail' };

export function sessionScope(profile: ProviderProfile): SessionScope {
  if (!profile.apiOrigin) return WEBMAIL_SESSIONS;
  const key = (origin: string) => apiOriginFor(profile, origin);
  return {
    keyOf: key,
    sharing: (origin) => {
      const shared = profile.webmailOrigins.filter((other) => key(other) === key(origin));
      return shared.includes(origin) ? shared : [origin, ...shared];
    },
    signInAt: 'archive',
  };
}
