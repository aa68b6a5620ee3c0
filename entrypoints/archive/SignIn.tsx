// The archive's own sign-in, shown when its API is apart from the webmail and has no session yet: one sign-in per
// browser session, then every tab and frame uses it. The password lives in the field only until it is sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { BackgroundClient } from '@/utils/rpc/client';
import { errorKind, errorText } from './errors';

export interface SignInProps {
  api: BackgroundClient;
  /** The address the webmail page shows (a hint only): prefilled, editable. */
  hint: string | null;
  onSignedIn(): void;
}

/** The text for a failed sign-in: wrong credentials, the provider out of reach, too many attempts, or anything else. */
export function signInErrorText(error: unknown): string {
  const kind = errorKind(error);
  if (kind === 'unauthenticated' || kind === 'invalid_request' || kind === 'bad_message') return t('archive_signin_wrong');
  if (kind === 'network' || kind === 'timeout') return t('archive_signin_network');
  if (kind === 'rate_limited') {
    const seconds = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    return seconds ? t('archive_signin_locked_for', Math.max(1, Math.ceil(seconds / 60))) : t('archive_signin_locked');
  }
  return errorText(error);
}

export function SignIn({ api, hint, onSignedIn }: SignInProps) {
  const [address, setAddress] = useState(hint ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const addressField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (hint ? passwordField : addressField).current?.focus();
  }, [hint]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const password = passwordField.current?.value ?? '';
    if (busy || !address.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('session.signIn', { address: address.trim(), password });
      if (passwordField.current) passwordField.current.value = '';
      onSignedIn();
    } catch (failure) {
      if (passwordField.current) passwordField.current.value = '';
      setError(signInErrorText(failure));
      setBusy(false);
      passwordField.current?.focus();
    }
  };

  return (
    <main class="state-screen" data-state="sign-in">
      <form class="state-card signin" aria-labelledby="signin-title" aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <h1 id="signin-title">{t('archive_signin_title')}</h1>
        <p>{t('archive_signin_text')}</p>
        <div class="field">
          <label for="signin-address">{t('archive_signin_address')}</label>
          <input
            id="signin-address"
            ref={addressField}
            name="address"
            type="email"
            autocomplete="username"
            required
            maxLength={254}
            value={address}
            onInput={(event) => setAddress(event.currentTarget.value)}
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="signin-password">{t('archive_signin_password')}</label>
          <input
            id="signin-password"
            ref={passwordField}
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxLength={1024}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        <p id="signin-error" class="signin-error" role="alert">
          {error ?? ''}
        </p>
        <p>
          <button type="submit" class="button button-primary" data-action="sign-in" disabled={busy}>
            {busy ? t('archive_signin_busy') : t('archive_signin_submit')}
          </button>
        </p>
        <p class="muted">{t('archive_signin_once')}</p>
      </form>
    </main>
  );
}
