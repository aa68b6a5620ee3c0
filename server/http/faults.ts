// Test-mode fault injection: matching requests get latency, an error status, a truncated body, a stall (before
// the headers, or after the headers and half the body) or an expired session.
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';

export const FaultSpec = v.strictObject({
  path: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  method: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{1,10}$/))),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599))),
  retryAfter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400))),
  latencyMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120_000))),
  truncate: v.optional(v.boolean()),
  stall: v.optional(v.boolean()),
  stallBody: v.optional(v.boolean()),
  expireSession: v.optional(v.boolean()),
  times: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))),
});

export type FaultInput = v.InferOutput<typeof FaultSpec>;

export interface Fault extends Omit<FaultInput, 'path' | 'times'> {
  id: string;
  pattern: RegExp;
  remaining: number;
}

export class Faults {
  private list: Fault[] = [];

  /** Throws SyntaxError when `path` is not a valid regular expression. */
  add(input: FaultInput): string {
    const { path, times, method, ...rest } = input;
    const fault: Fault = {
      ...rest,
      method: method?.toUpperCase(),
      id: randomBytes(6).toString('hex'),
      pattern: new RegExp(path),
      remaining: times ?? 1,
    };
    this.list.push(fault);
    return fault.id;
  }

  clear(): void {
    this.list = [];
  }

  /** The first fault whose pattern matches the path (or the path with its query), consuming one of its uses. */
  take(method: string, path: string, url: string): Fault | null {
    const fault = this.list.find((f) => (!f.method || f.method === method) && (f.pattern.test(path) || f.pattern.test(url)));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.list = this.list.filter((f) => f !== fault);
    return fault;
  }
}
