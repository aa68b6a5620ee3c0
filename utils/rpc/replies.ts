// Shapes the background answers with that are its own (not the provider's): shared by the service and the views.
import type { Me, MessageSummary } from '@/utils/api/schemas';

export interface SessionInfo {
  origin: string;
  me: Me | null;
  offline: boolean;
}

export interface ListingPage {
  items: MessageSummary[];
  /** Rows known so far: exact when `complete`, else the folder's count from the provider when known. */
  total: number;
  complete: boolean;
}
