// Shapes the background answers with that are its own (not the provider's): shared by the service and the views.
import type { Me, MessageSummary } from '@/utils/api/schemas';

/** Where a user without a session signs in: on the webmail, or in the archive frame (the API is apart). */
export type SignInPlace = 'webmail' | 'archive';

export interface SessionInfo {
  origin: string;
  me: Me | null;
  offline: boolean;
  /** Where a user without a session signs in: the webmail, or the archive's own form (its API is apart). */
  signInAt: SignInPlace;
  /** The address the webmail page shows (a hint from the page, to prefill the archive's sign-in; never trusted). */
  accountHint?: string;
}

export interface ListingPage {
  items: MessageSummary[];
  /** Rows known so far: exact when `complete`, else the folder's count from the provider when known. */
  total: number;
  complete: boolean;
}
