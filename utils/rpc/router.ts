// The background's request handler: validates the envelope and payload, checks the sender, runs the operation.
import * as v from 'valibot';
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveService } from '@/utils/background/archive-service';
import type { IdentityStore } from '@/utils/background/identity';
import type { ProviderProfile } from '@/utils/providers/profile';
import { EnvelopeSchema, REQUESTS, type RequestName, type RequestPayload, type RpcReply } from './protocol';
import { classifySender, type SenderContext, type SenderLike } from './sender';

export interface RouterDeps {
  service: ArchiveService;
  identities: IdentityStore;
  profile: ProviderProfile;
  extensionId: string;
  extensionOrigin: string;
  /** Starts a browser download; resolves to its id when the browser gives one (views follow its progress). */
  startDownload(url: string): Promise<number | void>;
}

type Handler<N extends RequestName> = (payload: RequestPayload<N>, origin: string) => Promise<unknown>;

function handlers(deps: RouterDeps): { [N in RequestName]: Handler<N> } {
  const s = deps.service;
  return {
    'session.get': (_p, origin) => s.session(origin),
    'session.signedOut': async (_p, origin) => {
      // The page says the user signed out; believe the provider, not the page.
      await s.session(origin);
    },
    'status.get': (p, origin) => s.status(origin, p.mailbox),
    'folders.list': (_p, origin) => s.folders(origin),
    'messages.list': (p, origin) => s.messages(origin, p.folderId, p.offset, p.limit),
    'messages.filter': (p, origin) => s.filter(origin, p.query),
    'message.get': (p, origin) => s.message(origin, p.id),
    'message.restore': (p, origin) => s.restore(origin, p.id),
    'message.move': (p, origin) => s.move(origin, p.id, p.folderId, p.fromFolderId),
    'message.delete': (p, origin) => s.remove(origin, p.id, p.folderId),
    'folder.empty': (p, origin) => s.emptyFolder(origin, p.folderId),
    search: (p, origin) => s.search(origin, p.query),
    'expiring.list': (p, origin) => s.expiring(origin, p.days),
    download: async (p, origin) => ({ downloadId: (await deps.startDownload(await s.downloadUrl(origin, p.target))) ?? null }),
    'admin.mailboxes': (_p, origin) => s.mailboxes(origin),
    'admin.updateSettings': (p, origin) => s.updateSettings(origin, p.mailbox, p.patch),
    'admin.enable': (p, origin) => s.enable(origin, p.mailbox),
    'admin.disable': (p, origin) => s.disable(origin, p.mailbox, p.confirm),
    'cache.clear': () => s.clearCache(),
  };
}

export function createRouter(deps: RouterDeps) {
  const table = handlers(deps);

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
      const handler = table[name] as Handler<RequestName>;
      return { ok: true, value: await handler(payload.output as never, origin) };
    } catch (error) {
      const archiveError = ArchiveError.from(error);
      return { ok: false, error: archiveError.toData() };
    }
  };
}
