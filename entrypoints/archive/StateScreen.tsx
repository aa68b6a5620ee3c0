// Whole-page states with a way forward: signed out, archive off, offline, provider error, loading.
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import { errorText } from './errors';
import type { Phase } from './use-archive';

export interface StateScreenProps {
  phase: Exclude<Phase, { kind: 'ready' } | { kind: 'signIn' }>;
  webmailUrl: string;
  onRetry(): void;
}

function Screen({ state, title, children }: { state: string; title: string; children: ComponentChildren }) {
  return (
    <main class="state-screen" data-state={state}>
      <div class="state-card">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

export function StateScreen({ phase, webmailUrl, onRetry }: StateScreenProps) {
  const retry = (
    <button type="button" class="button button-primary" data-action="retry" onClick={onRetry}>
      {t('archive_retry')}
    </button>
  );
  switch (phase.kind) {
    case 'loading':
      return (
        <main class="state-screen" data-state="loading" aria-busy="true">
          <p class="state-loading" role="status">
            {t('archive_loading')}
          </p>
        </main>
      );
    case 'signedOut':
      return (
        <Screen state="signed-out" title={t('archive_signed_out_title')}>
          <p>{t('archive_signed_out_text')}</p>
          <p>
            <a class="button button-primary" href={webmailUrl} target="_top">
              {t('archive_sign_in_again')}
            </a>
          </p>
        </Screen>
      );
    case 'off':
      return (
        <Screen state="off" title={t('archive_off_title')}>
          <p>{t('archive_off_text')}</p>
          <p class="muted">{t('archive_off_hint')}</p>
        </Screen>
      );
    case 'offline':
      return (
        <Screen state="offline" title={t('archive_offline_title')}>
          <p>{t('archive_offline_text')}</p>
          <p>{retry}</p>
        </Screen>
      );
    case 'error':
      return (
        <Screen state="error" title={t('archive_error_title')}>
          <p>{errorText(phase.error)}</p>
          <p>{retry}</p>
        </Screen>
      );
  }
}
