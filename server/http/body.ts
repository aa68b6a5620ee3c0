// Request bodies: JSON only (415 otherwise), always present, at most 1 MiB (413), parsed and validated with valibot.
import * as v from 'valibot';
import { PRODUCT } from '../config';
import type { Ctx } from './context';
import { ApiError } from './errors';

async function readRaw(ctx: Ctx, limit: number): Promise<Buffer> {
  const declared = Number(ctx.req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    ctx.req.resume();
    ctx.res.setHeader('Connection', 'close');
    throw new ApiError('payload_too_large', `Request body larger than ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) {
        ctx.res.setHeader('Connection', 'close');
        ctx.req.resume();
        throw new ApiError('payload_too_large', `Request body larger than ${limit} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('invalid_request', 'The request body was cut off');
  }
  return Buffer.concat(chunks);
}

/**
 * Every write carries a JSON body (`{}` when there is nothing to say): another declared type, no type, or no body
 * at all is refused, so neither a cross-site form nor a bodiless cross-site POST can reach a state-changing endpoint.
 */
export async function readJson(ctx: Ctx): Promise<unknown> {
  const mime = ctx.req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mime !== 'application/json') {
    ctx.req.resume();
    throw new ApiError('unsupported_media_type', 'Content-Type must be application/json, with a JSON body ({} when empty)');
  }
  const raw = await readRaw(ctx, PRODUCT.maxBodyBytes);
  if (raw.length === 0) throw new ApiError('invalid_request', 'A JSON body is required ({} when there is nothing to say)');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new ApiError('invalid_request', 'Malformed JSON body');
  }
}

export function validate<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    throw new ApiError('invalid_request', `Invalid request body${where ? ` at ${where}` : ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.output;
}

/** The body the write guard read, as a JSON object (valibot's object schemas would let an array through). */
export function requestObject(ctx: Ctx): Record<string, unknown> {
  if (!('body' in ctx)) throw new Error(`no body was read for ${ctx.method} ${ctx.path}: the write guard did not run`);
  const value = ctx.body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError('invalid_request', 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export function readBody<TSchema extends v.GenericSchema>(ctx: Ctx, schema: TSchema): v.InferOutput<TSchema> {
  return validate(schema, requestObject(ctx));
}
