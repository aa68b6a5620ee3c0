// A folder's listing for the virtual list: fetched in fixed windows as rows come into view, a bounded number kept.
import type { MessageSummary } from '@/utils/api/schemas';
import type { Freshness } from '@/utils/rpc/fresh';
import { Listeners, type RowSource } from './row-source';

export interface ListingWindow {
  items: MessageSummary[];
  total: number;
  complete: boolean;
  freshness?: Freshness;
}

export type FetchWindow = (offset: number, limit: number) => Promise<ListingWindow>;

export interface ListingSourceOptions {
  pageSize?: number;
  /** Windows kept in memory; the least recently used go first (they are fetched again when scrolled back to). */
  maxPages?: number;
}

export class ListingSource implements RowSource {
  total = 0;
  loaded = false;
  error: unknown = null;
  freshness: Freshness | null = null;
  readonly pageSize: number;
  private readonly maxPages: number;
  private pages = new Map<number, MessageSummary[]>();
  /** Windows from before a refresh, shown until their fresh copy arrives (no flicker on updates). */
  private stale = new Map<number, MessageSummary[]>();
  private readonly pending = new Set<number>();
  private readonly listeners = new Listeners();
  private generation = 0;
  private lastRange: [number, number] = [0, 0];

  constructor(
    private readonly fetchWindow: FetchWindow,
    options: ListingSourceOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.maxPages = options.maxPages ?? 200;
  }

  row(index: number): MessageSummary | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page) ?? this.stale.get(page);
    return rows?.[index - page * this.pageSize];
  }

  request(start: number, end: number): void {
    this.lastRange = [start, end];
    if (end <= start) return;
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor((end - 1) / this.pageSize);
    for (let page = first; page <= last; page++) {
      const rows = this.pages.get(page);
      if (rows) {
        // Touch: most recently used at the end of the map's order.
        this.pages.delete(page);
        this.pages.set(page, rows);
      } else if (!this.pending.has(page) && (!this.loaded || page * this.pageSize < Math.max(this.total, 1))) {
        void this.load(page);
      }
    }
  }

  /** The listing changed: fetch the rows in view again, keep showing the old ones meanwhile. */
  refresh(): void {
    this.generation++;
    this.stale = new Map([...this.stale, ...this.pages]);
    this.pages = new Map();
    this.pending.clear();
    this.error = null;
    const [start, end] = this.lastRange;
    this.request(start, Math.max(end, start + 1));
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    this.pending.add(page);
    try {
      const window = await this.fetchWindow(page * this.pageSize, this.pageSize);
      if (generation !== this.generation) return;
      this.pages.set(page, window.items);
      this.stale.delete(page);
      this.total = window.total;
      this.freshness = window.freshness ?? null;
      this.loaded = true;
      this.error = null;
      this.evict();
      this.dropBeyondTotal();
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
      this.loaded = true;
    } finally {
      if (generation === this.generation) this.pending.delete(page);
    }
    this.listeners.emit();
  }

  private evict(): void {
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
    while (this.stale.size > this.maxPages) this.stale.delete(this.stale.keys().next().value as number);
  }

  private dropBeyondTotal(): void {
    for (const map of [this.pages, this.stale]) {
      for (const page of [...map.keys()]) if (page * this.pageSize >= this.total) map.delete(page);
    }
  }
}
