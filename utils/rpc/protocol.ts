// The envelope every request travels in, and the reply it gets; the requests themselves are in requests.ts.
import * as v from 'valibot';
import type { ArchiveErrorData } from '@/utils/api/errors';
import { REQUESTS, type RequestName } from './requests';
import { RPC_TAG } from './tag';

export const EnvelopeSchema = v.object({
  tag: v.literal(RPC_TAG),
  name: v.picklist(Object.keys(REQUESTS) as [RequestName, ...RequestName[]]),
  payload: v.unknown(),
});

export type RpcReply<T> = { ok: true; value: T } | { ok: false; error: ArchiveErrorData };
