// Stable API error codes with their HTTP statuses; every error leaves the server as {error:{code,message}}.
export const ERROR_STATUS = {
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  archive_read_only: 403,
  not_found: 404,
  archive_disabled: 409,
  folder_not_deletable: 409,
  confirmation_required: 400,
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  version_expired: 410,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The code a bare status maps to (used by injected faults). */
export function codeForStatus(status: number): { code: string; status: number } {
  const found = (Object.entries(ERROR_STATUS) as Array<[ErrorCode, number]>).find(([, s]) => s === status);
  if (found) return { code: found[0], status };
  return { code: status >= 500 ? 'internal' : 'invalid_request', status };
}

export const notFound = (what = 'Not found'): ApiError => new ApiError('not_found', what);
export const invalid = (message: string): ApiError => new ApiError('invalid_request', message);
export const forbidden = (message = 'Not allowed for this account'): ApiError => new ApiError('forbidden', message);
