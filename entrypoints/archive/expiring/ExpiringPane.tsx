// "In scadenza": messages the retention period deletes within 30 days, with their deletion window, to restore first.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MessageSummary } from '@/utils/api/schemas';
import { formatLocale, formatNumber } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { BackgroundClient } from '@/utils/rpc/client';
import { errorText } from '@/entrypoints/archive/errors';
import { countText, modeOfFolder } from '@/entrypoints/archive/labels';
import { ArraySource } from '@/entrypoints/archive/list/row-source';
import { deletionWindow } from '../reader/MessageHeaders';
import { MessageList } from '../list/MessageList';

export const EXPIRING_DAYS = 30;

export interface ExpiringPaneProps {
  api: BackgroundClient;
  retentionMonths: number;
  /** Bumped when the archive changed, to load the list again. */
  revision: number;
  openId: string | null;
  onOpen(summary: MessageSummary, index: number): void;
  onEscape(): void;
  onCount(count: number): void;
}

/** Every message due, also past the reply's page: the provider's `total`, or the items when it leaves it out. */
export function dueCount(reply: { items: readonly unknown[]; total?: number }): number {
  return Math.max(reply.total ?? reply.items.length, reply.items.length);
}

export function ExpiringPane(props: ExpiringPaneProps) {
  const [items, setItems] = useState<MessageSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const locale = formatLocale();

  useEffect(() => {
    let current = true;
    setError(null);
    props.api.call('expiring.list', { days: EXPIRING_DAYS }).then(
      (reply) => {
        if (!current) return;
        const due = dueCount(reply);
        setItems(reply.items);
        setTotal(due);
        props.onCount(due);
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [props.api, props.revision, attempt]);

  const source = useMemo(() => new ArraySource(items ?? []), [items]);
  return (
    <section class="folder-pane" aria-labelledby="expiring-title">
      <div class="pane-header">
        <div class="pane-title">
          <h2 id="expiring-title">{t('archive_expiring_title')}</h2>
          {items && <span class="pane-count">{countText('archive_message_count', total, total)}</span>}
        </div>
      </div>
      <p class="pane-intro">{t('archive_expiring_intro', props.retentionMonths, EXPIRING_DAYS)}</p>
      {items && total > items.length && (
        <p class="pane-intro" role="note" data-expiring-partial>
          {t('archive_expiring_partial', formatNumber(items.length, locale), formatNumber(total, locale))}
        </p>
      )}
      {error !== null && (
        <div class="inline-error" role="alert">
          <span>{errorText(error)}</span>
          <button type="button" class="button" onClick={() => setAttempt(attempt + 1)}>
            {t('archive_retry')}
          </button>
        </div>
      )}
      {items && (
        <MessageList
          source={source}
          label={t('archive_expiring_title')}
          modeOf={(summary) => modeOfFolder(null, summary)}
          openId={props.openId}
          onOpen={props.onOpen}
          onEscape={props.onEscape}
          emptyText={t('archive_expiring_none', EXPIRING_DAYS)}
          detail={(summary) => deletionWindow(summary, locale)}
          idPrefix="expiring"
          rowHeight={80}
        />
      )}
      {!items && error === null && (
        <p class="list-empty" role="status">
          {t('archive_loading')}
        </p>
      )}
    </section>
  );
}
