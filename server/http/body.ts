// Request bodies: JSON only (415 otherwise, the CSRF guard), at most 1 MiB (413), parsed and validated with valibot.
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

function hasBody(ctx: Ctx): boolean {
  const length = ctx.req.headers['content-length'];
  return ctx.req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A body is JSON or nothing: any other declared type, or a body without a type, is refused with 415 so a
 * cross-site form can never reach a state-changing endpoint. No body counts as `{}`.
 */
export async function readJson(ctx: Ctx): Promise<unknown> {
  const type = ctx.req.headers['content-type'];
  const mime = type?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined && mime !== 'application/json') {
    throw new ApiError('unsupported_media_type', 'Content-Type must be application/json');
  }
  if (!hasBody(ctx)) return {};
  if (type === undefined) throw new ApiError('unsupported_media_type', 'Content-Type must be application/json');
  const raw = await readRaw(ctx, PRODUCT.maxBodyBytes);
  if (raw.length === 0) return {};
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

/** Every body of this API is a JSON object (valibot's object schemas would let an array through). */
export async function readBody<TSchema extends v.GenericSchema>(ctx: Ctx, schema: TSchema): Promise<v.InferOutput<TSchema>> {
  const value = await readJson(ctx);
  if (Array.isArray(value)) throw new ApiError('invalid_request', 'The request body must be a JSON object');
  return validate(schema, value);
}
