// The rows a message list shows, by index: loaded on demand (folders) or held in memory (search, expiring).
import type { MessageSummary } from '@/utils/api/schemas';

export interface RowSource {
  /** How many rows the list has (may grow as a listing is paged in). */
  readonly total: number;
  /** False until the first answer arrived. */
  readonly loaded: boolean;
  /** The last error, if the last load failed. */
  readonly error: unknown;
  row(index: number): MessageSummary | undefined;
  /** Asks for rows [start, end) to be available soon; returns at once. */
  request(start: number, end: number): void;
  subscribe(listener: () => void): () => void;
}

export class Listeners {
  private readonly set = new Set<() => void>();
  add(listener: () => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(): void {
    for (const listener of [...this.set]) listener();
  }
}

/** Rows already in memory. */
export class ArraySource implements RowSource {
  readonly loaded = true;
  readonly error = null;
  private readonly listeners = new Listeners();
  constructor(private readonly items: readonly MessageSummary[]) {}
  get total() {
    return this.items.length;
  }
  row(index: number) {
    return this.items[index];
  }
  request(): void {}
  subscribe(listener: () => void) {
    return this.listeners.add(listener);
  }
}
