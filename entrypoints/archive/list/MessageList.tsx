// The virtualized message list: a listbox whose rows come from a RowSource, only the visible ones in the DOM.
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { MessageSummary } from '@/utils/api/schemas';
import { formatBytes, formatLocale } from '@/utils/format';
import { t } from '@/utils/i18n';
import { counterpart, listDate, rowLabel, subjectOf, type ListMode } from '@/entrypoints/archive/labels';
import type { RowSource } from './row-source';
import { PaperclipIcon } from '../icons';
import { useVirtualizer } from './use-virtualizer';

export const ROW_HEIGHT = 60;

export interface MessageListProps {
  source: RowSource;
  label: string;
  /** Sender or recipients: decided per row (search results mix received and sent mail). */
  modeOf(summary: MessageSummary): ListMode;
  openId: string | null;
  onOpen(summary: MessageSummary, index: number): void;
  onEscape?(): void;
  emptyText: string;
  /** A second line of detail under the subject (e.g. the deletion window). */
  detail?(summary: MessageSummary): string | null;
  idPrefix?: string;
  rowHeight?: number;
}

export function MessageList(props: MessageListProps) {
  const { source } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, sourceChanged] = useReducer((n: number) => n + 1, 0);
  const [active, setActive] = useState(-1);
  const locale = formatLocale();
  const prefix = props.idPrefix ?? 'row';
  const rowHeight = props.rowHeight ?? ROW_HEIGHT;

  useEffect(() => source.subscribe(() => sourceChanged(undefined)), [source]);

  const virtualizer = useVirtualizer({
    count: source.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length > 0 ? items[items.length - 1]!.index + 1 : 50;

  useEffect(() => {
    // Fetching waits for scrolling to pause briefly, so a fast fling does not ask for every window it passes.
    const timer = setTimeout(() => source.request(first, last), source.loaded ? 40 : 0);
    return () => clearTimeout(timer);
  }, [source, first, last, source.total]);

  const moveTo = (index: number) => {
    if (source.total === 0) return;
    const next = Math.max(0, Math.min(source.total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight || 600) / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active <= 0 ? 0 : active - 1),
      Home: () => moveTo(0),
      End: () => moveTo(source.total - 1),
      PageDown: () => moveTo(active + pageRows),
      PageUp: () => moveTo(active - pageRows),
      Enter: () => {
        const summary = source.row(active);
        if (summary) props.onOpen(summary, active);
      },
      Escape: () => props.onEscape?.(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const activeRow = active >= 0 && active < source.total ? `${prefix}-${active}` : undefined;
  const busy = !source.loaded;

  return (
    <div class="message-list">
      <div
        ref={scrollRef}
        class="list-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={props.label}
        aria-activedescendant={activeRow}
        aria-busy={busy}
        onKeyDown={onKeyDown}
        onFocus={() => active < 0 && source.total > 0 && setActive(0)}
      >
        <div role="none" class="list-spacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const summary = source.row(item.index);
            const common = {
              id: `${prefix}-${item.index}`,
              role: 'option',
              'aria-selected': item.index === active,
              'aria-posinset': item.index + 1,
              'aria-setsize': source.total,
              style: { transform: `translateY(${item.start}px)`, height: `${rowHeight}px` },
            } as const;
            if (!summary) {
              return (
                <div key={item.key} {...common} class="row row-loading" aria-label={t('archive_loading_row')}>
                  <span class="skeleton" />
                </div>
              );
            }
            const mode = props.modeOf(summary);
            const detail = props.detail?.(summary) ?? null;
            return (
              <div
                key={item.key}
                {...common}
                class={`row${item.index === active ? ' row-active' : ''}${summary.id === props.openId ? ' row-open' : ''}`}
                aria-label={rowLabel(summary, mode, locale, detail)}
                data-message-id={summary.id}
                onClick={() => {
                  setActive(item.index);
                  props.onOpen(summary, item.index);
                }}
              >
                {/* Spaces between the cells, so their words stay apart for assistive technology too. */}
                <span class="row-who">{counterpart(summary, mode)}</span> <span class="row-date">{listDate(summary.date, locale)}</span>{' '}
                <span class="row-subject">
                  {summary.hasAttachments && <PaperclipIcon class="attachment-mark" />}
                  {subjectOf(summary)}
                </span>{' '}
                <span class="row-size">{formatBytes(summary.size, locale)}</span>
                {detail && (
                  <>
                    {' '}
                    <span class="row-detail">{detail}</span>
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {source.loaded && source.total === 0 && !source.error && <p class="list-empty">{props.emptyText}</p>}
      {busy && (
        <p class="list-empty" role="status">
          {t('archive_loading')}
        </p>
      )}
    </div>
  );
}
