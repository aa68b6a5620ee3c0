// One error type for everything that can go wrong between the extension and the provider.

export type ArchiveErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'read_only'
  | 'not_found'
  | 'archive_disabled'
  | 'folder_not_deletable'
  | 'confirmation_required'
  | 'invalid_request'
  | 'version_expired'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalid_reply'
  | 'no_webmail'
  | 'bad_message';

/** Serializable across runtime messages; `messageKey` names the localized text in _locales. */
export interface ArchiveErrorData {
  kind: ArchiveErrorKind;
  messageKey: string;
  code?: string;
  status?: number;
  retryAfterSeconds?: number;
  detail?: string;
}

export class ArchiveError extends Error {
  readonly kind: ArchiveErrorKind;
  readonly code?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;

  constructor(kind: ArchiveErrorKind, options: { code?: string; status?: number; retryAfterSeconds?: number; detail?: string } = {}) {
    super(options.detail ?? kind);
    this.name = 'ArchiveError';
    this.kind = kind;
    this.code = options.code;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get messageKey(): string {
    return `error_${this.kind}`;
  }

  toData(): ArchiveErrorData {
    return {
      kind: this.kind,
      messageKey: this.messageKey,
      code: this.code,
      status: this.status,
      retryAfterSeconds: this.retryAfterSeconds,
      detail: this.message,
    };
  }

  static fromData(data: ArchiveErrorData): ArchiveError {
    return new ArchiveError(data.kind, data);
  }

  /** Any failure as an ArchiveError: itself if it is one, else a server error carrying its text. */
  static from(error: unknown): ArchiveError {
    return error instanceof ArchiveError ? error : new ArchiveError('server', { detail: String(error) });
  }
}

const KIND_BY_CODE: Record<string, ArchiveErrorKind> = {
  unauthenticated: 'unauthenticated',
  session_expired: 'unauthenticated',
  forbidden: 'forbidden',
  archive_read_only: 'read_only',
  not_found: 'not_found',
  archive_disabled: 'archive_disabled',
  folder_not_deletable: 'folder_not_deletable',
  confirmation_required: 'confirmation_required',
  invalid_request: 'invalid_request',
  payload_too_large: 'invalid_request',
  unsupported_media_type: 'invalid_request',
  version_expired: 'version_expired',
  rate_limited: 'rate_limited',
  internal: 'server',
  unavailable: 'server',
};

/** Maps an HTTP error reply to a kind: the contract's code first, the status as a fallback. */
export function kindForReply(status: number, code: string | undefined): ArchiveErrorKind {
  if (code && KIND_BY_CODE[code]) return KIND_BY_CODE[code];
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 410) return 'version_expired';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid_request';
}

export function isArchiveError(value: unknown): value is ArchiveError {
  return value instanceof ArchiveError;
}
