// Guessing passwords through the webmail sign-in: after too many wrong attempts for one address in a short time, that
// address is locked for a while, whatever the password (unknown addresses alike, so a lock reveals nothing).
// Kept in memory on real time, like sessions' idle expiry: a restart forgets the attempts, the test clock moves nothing.

export interface SignInLimits {
  failures: number;
  windowMs: number;
  lockMs: number;
}

export const SIGN_IN_LIMITS: Readonly<SignInLimits> = { failures: 5, windowMs: 15 * 60_000, lockMs: 5 * 60_000 };

interface Attempts {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

export class SignInThrottle {
  private readonly byAddress = new Map<string, Attempts>();

  constructor(
    private readonly limits: Readonly<SignInLimits> = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again, or 0 when it may now. */
  lockedFor(address: string): number {
    const attempts = this.byAddress.get(address);
    const left = attempts ? attempts.lockedUntil - this.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(address: string): void {
    const now = this.now();
    const known = this.byAddress.get(address);
    const attempts = known && now - known.firstAt < this.limits.windowMs ? known : { failures: 0, firstAt: now, lockedUntil: 0 };
    attempts.failures += 1;
    if (attempts.failures >= this.limits.failures) {
      attempts.lockedUntil = now + this.limits.lockMs;
      attempts.failures = 0;
      attempts.firstAt = now;
    }
    this.byAddress.set(address, attempts);
    if (this.byAddress.size > 10_000) this.forgetOld(now);
  }

  succeeded(address: string): void {
    this.byAddress.delete(address);
  }

  private forgetOld(now: number): void {
    for (const [address, attempts] of this.byAddress) {
      if (attempts.lockedUntil <= now && now - attempts.firstAt >= this.limits.windowMs) this.byAddress.delete(address);
    }
  }
}
