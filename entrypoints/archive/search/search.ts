// Search: the instant filter over cached summaries plus the provider's search, merged newest first without duplicates.
import type { MessageSummary, SearchQuery } from '@/utils/api/schemas';
import type { BackgroundClient } from '@/utils/rpc/client';
import { newestFirst, type LocalFilter } from '@/utils/rules/match';
import { Listeners } from '../list/row-source';

export interface SearchForm {
  text: string;
  /** YYYY-MM-DD, inclusive; '' for none. */
  from: string;
  /** YYYY-MM-DD, inclusive; '' for none. */
  until: string;
  hasAttachment: boolean;
  /** Only the folder on screen, or the whole archive. */
  scope: 'all' | 'folder';
}

export const EMPTY_SEARCH: SearchForm = { text: '', from: '', until: '', hasAttachment: false, scope: 'all' };

export function isSearchActive(form: SearchForm): boolean {
  return form.text.trim() !== '' || form.from !== '' || form.until !== '' || form.hasAttachment;
}

/** Merges result lists: one row per message id (the first seen wins), newest first. */
export function mergeResults(...lists: readonly MessageSummary[][]): MessageSummary[] {
  const byId = new Map<string, MessageSummary>();
  for (const list of lists) for (const item of list) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort(newestFirst);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day after an ISO date: an inclusive "until" becomes the provider's exclusive `before`. */
export function dayAfter(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function dateRange(form: SearchForm): { after?: string; before?: string } {
  return {
    ...(ISO_DAY.test(form.from) ? { after: form.from } : {}),
    ...(ISO_DAY.test(form.until) ? { before: dayAfter(form.until) } : {}),
  };
}

export function localFilterOf(form: SearchForm, folderId: string | null): LocalFilter {
  return {
    text: form.text.trim(),
    ...dateRange(form),
    ...(form.hasAttachment ? { hasAttachment: true } : {}),
    ...(form.scope === 'folder' && folderId ? { folderId } : {}),
  };
}

/**
 * The provider's search matches free text in subject and body (`q`), and people by `from`/`to`: one query per
 * way the text may match, so a sender's name finds mail the cache has never seen too.
 */
export function providerQueries(form: SearchForm, folderId: string | null, limit = 100): SearchQuery[] {
  const base: SearchQuery = {
    ...dateRange(form),
    ...(form.hasAttachment ? { hasAttachment: true } : {}),
    ...(form.scope === 'folder' && folderId ? { folderId } : {}),
    limit,
  };
  const text = form.text.trim();
  if (!text) return [base];
  return [
    { ...base, q: text },
    { ...base, from: text },
    { ...base, to: text },
  ];
}

/** One search as typed: local results at once, the provider's when they come, more pages on demand. */
export class SearchRun {
  local: MessageSummary[] = [];
  remote: MessageSummary[] = [];
  items: MessageSummary[] = [];
  localDone = false;
  remoteDone = false;
  remoteError: unknown = null;
  private cursors: (string | null)[] = [];
  private queries: SearchQuery[];
  private cancelled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Listeners();

  constructor(
    private readonly api: BackgroundClient,
    private readonly form: SearchForm,
    private readonly folderId: string | null,
  ) {
    this.queries = providerQueries(form, folderId);
  }

  get hasMore(): boolean {
    return this.cursors.some((cursor) => cursor !== null);
  }

  /** Starts the local filter now and the provider's search after `remoteDelayMs` (typing in between cancels it). */
  start(remoteDelayMs = 350): void {
    this.api
      .call('messages.filter', { query: localFilterOf(this.form, this.folderId) })
      .then(
        (items) => this.update(() => (this.local = items)),
        () => this.update(() => undefined),
      )
      .finally(() => this.update(() => (this.localDone = true)));
    this.timer = setTimeout(() => void this.fetchRemote(this.queries.map(() => undefined)), remoteDelayMs);
  }

  loadMore(): void {
    if (!this.hasMore || !this.remoteDone) return;
    const cursors = this.cursors.map((cursor) => cursor ?? null);
    this.remoteDone = false;
    this.listeners.emit();
    void this.fetchRemote(cursors);
  }

  cancel(): void {
    this.cancelled = true;
    clearTimeout(this.timer);
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  /** `undefined` cursor: first page; `null`: that query has no more pages. */
  private async fetchRemote(cursors: (string | null | undefined)[]): Promise<void> {
    try {
      const pages = await Promise.all(
        this.queries.map((query, i) => {
          const cursor = cursors[i];
          if (cursor === null) return Promise.resolve({ items: [], nextCursor: null });
          return this.api.call('search', { query: cursor ? { ...query, cursor } : query });
        }),
      );
      this.update(() => {
        this.remote = mergeResults(this.remote, ...pages.map((page) => page.items));
        this.cursors = pages.map((page) => page.nextCursor);
        this.remoteError = null;
      });
    } catch (error) {
      this.update(() => (this.remoteError = error));
    } finally {
      this.update(() => (this.remoteDone = true));
    }
  }

  private update(change: () => unknown): void {
    if (this.cancelled) return;
    change();
    this.items = mergeResults(this.local, this.remote);
    this.listeners.emit();
  }
}
