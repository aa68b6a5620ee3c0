// How the app reads a failure: its kind (for the screen to show) and its localized text.
import type { ArchiveErrorKind } from '@/utils/api/errors';
import { t } from '@/utils/i18n';

export function errorKind(error: unknown): ArchiveErrorKind | null {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? (kind as ArchiveErrorKind) : null;
}

export function errorText(error: unknown): string {
  const kind = errorKind(error);
  return kind ? t(`error_${kind}`) : t('error_server');
}

export function isOffline(error: unknown): boolean {
  const kind = errorKind(error);
  return kind === 'network' || kind === 'timeout';
}
