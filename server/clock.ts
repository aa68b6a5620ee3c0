// The provider's notion of "now": real time, or a simulated date that keeps running from where a test set it.
export class Clock {
  private offsetMs = 0;

  constructor(initial?: Date | null) {
    if (initial) this.set(initial);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Sets the simulated date (it keeps advancing with real time); null returns to real time. */
  set(date: Date | null): void {
    this.offsetMs = date ? date.getTime() - Date.now() : 0;
  }

  isSimulated(): boolean {
    return this.offsetMs !== 0;
  }
}
