// The background's request handler: validates the envelope and payload, checks the sender, runs the operation.
import * as v from 'valibot';
import { ArchiveError } from '@/utils/api/errors';
import type { IdentityStore } from '@/utils/background/identity';
import type { ProviderProfile } from '@/utils/providers/profile';
import { EnvelopeSchema, type RpcReply } from './protocol';
import { REQUESTS, type Background } from './requests';
import { classifySender, type SenderContext, type SenderLike } from './sender';

export interface RouterDeps extends Background {
  identities: IdentityStore;
  profile: ProviderProfile;
  extensionId: string;
  extensionOrigin: string;
}

export function createRouter(deps: RouterDeps) {
  async function originFor(context: SenderContext, requested: string | undefined): Promise<string> {
    if (context.kind === 'content') return context.origin;
    if (requested !== undefined) {
      const origin = new URL(requested).origin;
      if (!deps.profile.webmailOrigins.includes(origin)) throw new ArchiveError('bad_message', { detail: 'origin not in the provider profile' });
      return origin;
    }
    return context.tabOrigin ?? (await deps.identities.lastOrigin()) ?? deps.profile.webmailOrigins[0]!;
  }

  /** Returns undefined for messages that are not ours, so other listeners (if any) may answer them. */
  return async function route(message: unknown, sender: SenderLike): Promise<RpcReply<unknown> | undefined> {
    const envelope = v.safeParse(EnvelopeSchema, message);
    if (!envelope.success) return undefined;
    try {
      const context = classifySender(sender, deps.extensionId, deps.extensionOrigin, deps.profile);
      if (!context) throw new ArchiveError('forbidden', { detail: 'sender not allowed' });
      const name = envelope.output.name;
      const spec = REQUESTS[name];
      if (spec.access === 'extension' && context.kind !== 'extension') {
        throw new ArchiveError('forbidden', { detail: `${name} is reserved to extension pages` });
      }
      const payload = v.safeParse(spec.payload, envelope.output.payload);
      if (!payload.success) throw new ArchiveError('bad_message', { detail: payload.issues[0]?.message });
      const origin = await originFor(context, (payload.output as { origin?: string }).origin);
      const answer = spec.answer as (background: Background, payload: unknown, origin: string, sender: SenderContext) => Promise<unknown>;
      return { ok: true, value: await answer(deps, payload.output, origin, context) };
    } catch (error) {
      const archiveError = ArchiveError.from(error);
      return { ok: false, error: archiveError.toData() };
    }
  };
}
