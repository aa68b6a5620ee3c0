// PLACEHOLDER — owned by the archive-tab helper (issue 4); replaced by the real feature.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { WebmailAdapter } from '@/utils/webmail/adapter';

export function startArchiveTab(_ctx: ContentScriptContext, _adapter: WebmailAdapter): void {}
