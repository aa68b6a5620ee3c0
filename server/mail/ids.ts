// Opaque message ids: random URL-safe tokens, and the one pattern every id from a request must match.
import { randomBytes } from 'node:crypto';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function newMessageId(): string {
  return randomBytes(16).toString('base64url');
}

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}
