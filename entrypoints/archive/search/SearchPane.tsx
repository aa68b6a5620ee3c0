// Search results: cached matches at once, the provider's as they arrive, one row per message.
import { useEffect, useMemo, useReducer } from 'preact/hooks';
import type { MessageSummary } from '@/utils/api/schemas';
import { formatNumber, formatLocale } from '@/utils/format';
import { t } from '@/utils/i18n';
import { errorText } from '@/entrypoints/archive/errors';
import { countText, modeOfFolder } from '@/entrypoints/archive/labels';
import { ArraySource } from '@/entrypoints/archive/list/row-source';
import type { SearchRun } from './search';
import { MessageList } from '../list/MessageList';

export interface SearchPaneProps {
  run: SearchRun;
  openId: string | null;
  onOpen(summary: MessageSummary, index: number): void;
  onEscape(): void;
}

export function SearchPane({ run, openId, onOpen, onEscape }: SearchPaneProps) {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = run.subscribe(() => changed(undefined));
    // Results that came between this render and the subscription (the instant filter is that fast) are shown now.
    changed(undefined);
    return unsubscribe;
  }, [run]);
  const items = run.items;
  const source = useMemo(() => new ArraySource(items), [items]);
  const locale = formatLocale();
  const status = !run.remoteDone
    ? t('archive_search_running', formatNumber(items.length, locale))
    : countText('archive_search_results', items.length, items.length);
  return (
    <section class="folder-pane" aria-labelledby="search-title">
      <div class="pane-header">
        <div class="pane-title">
          <h2 id="search-title">{t('archive_search_title')}</h2>
          <span class="pane-count" role="status" data-search-status={run.remoteDone ? 'done' : 'running'}>
            {status}
          </span>
        </div>
      </div>
      {run.remoteError !== null && (
        <p class="inline-error" role="alert">
          {t('archive_search_remote_failed', errorText(run.remoteError))}
        </p>
      )}
      <MessageList
        source={source}
        label={t('archive_search_title')}
        modeOf={(summary) => modeOfFolder(null, summary)}
        openId={openId}
        onOpen={onOpen}
        onEscape={onEscape}
        emptyText={run.localDone && run.remoteDone ? t('archive_search_none') : t('archive_loading')}
        idPrefix="result"
      />
      {run.hasMore && run.remoteDone && (
        <div class="pane-footer">
          <button type="button" class="button" onClick={() => run.loadMore()}>
            {t('archive_search_more')}
          </button>
        </div>
      )}
    </section>
  );
}
