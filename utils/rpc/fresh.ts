// How fresh an answer from the background is: every read a view makes carries one of these beside its value.
import type { ArchiveErrorData } from '../api/errors';

export interface Freshness {
  source: 'network' | 'cache';
  fetchedAt: number;
  /** The provider could not be reached on the last attempt. */
  offline: boolean;
  /** The answer may be older than what the provider holds. */
  stale: boolean;
  error?: ArchiveErrorData;
}

export interface Fresh<T> {
  value: T;
  freshness: Freshness;
}
