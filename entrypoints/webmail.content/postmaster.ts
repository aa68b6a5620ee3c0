// PLACEHOLDER — owned by the postmaster helper (issue 5); replaced by the real feature.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { WebmailAdapter } from '@/utils/webmail/adapter';

export function startPostmaster(_ctx: ContentScriptContext, _adapter: WebmailAdapter): void {}
