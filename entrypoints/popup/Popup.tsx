// The toolbar popup: the own archive's status and space, client setup, and the way into the Archivio view.
import { formatLocale, formatWhen } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { ProviderProfile } from '@/utils/providers/profile';
import { ClientSetup } from './ClientSetup';
import { openArchive } from './open-archive';
import { QuotaPanel } from './QuotaPanel';
import { StatusPanel } from './StatusPanel';
import { usePopupState, type PopupState } from './use-popup-state';
import './popup.css';

interface Props {
  profile: ProviderProfile;
  origin?: string;
}

function Freshness({ state, locale }: { state: Extract<PopupState, { kind: 'ready' }>; locale: string }) {
  const when = formatWhen(state.freshness.fetchedAt, locale);
  if (state.freshness.offline)
    return (
      <p class="pp-note pp-note--warning" role="status" data-freshness="offline">
        {t('popup_offline', when)}
      </p>
    );
  if (state.freshness.source === 'cache')
    return (
      <p class="pp-muted" role="status" data-freshness="cache">
        {t('popup_stale', when)}
      </p>
    );
  return (
    <p class="pp-muted pp-updated" data-freshness="network">
      {t('popup_updated', when)}
    </p>
  );
}

export function Popup({ profile, origin }: Props) {
  const { state, me, reload, replaceStatus } = usePopupState();
  const locale = formatLocale();
  const close = () => window.close();

  const openWebmail = async () => {
    await browser.tabs.create({ url: profile.webmailUrl });
    close();
  };

  let body;
  if (state.kind === 'loading') {
    body = (
      <p class="pp-muted" role="status" aria-busy="true">
        {t('popup_loading')}
      </p>
    );
  } else if (state.kind === 'signedOut') {
    body = (
      <div class="pp-section" data-state="signed-out">
        <p>{t('popup_signedOut')}</p>
        <a
          class="pp-button pp-button--primary"
          href={profile.webmailUrl}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(event) => {
            event.preventDefault();
            void openWebmail();
          }}
        >
          {t('popup_openWebmail')}
        </a>
      </div>
    );
  } else if (state.kind === 'signInArchive') {
    body = (
      <div class="pp-section" data-state="sign-in-archive">
        <p>{t('popup_signInArchive')}</p>
        <button type="button" class="pp-button pp-button--primary" onClick={() => void openArchive(profile, origin).then(close)}>
          {t('popup_openArchiveToSignIn')}
        </button>
      </div>
    );
  } else if (state.kind === 'offline' || state.kind === 'error') {
    body = (
      <div class="pp-section" data-state={state.kind}>
        <p class="pp-note pp-note--warning" role="alert">
          {state.kind === 'offline' ? t('popup_offlineNoData') : t(state.messageKey)}
        </p>
        <button type="button" class="pp-button" onClick={() => void reload()}>
          {t('popup_retry')}
        </button>
      </div>
    );
  } else {
    const { status } = state;
    const own = me?.address === status.address;
    const ownPostmaster = own && me?.role === 'postmaster';
    body = (
      <>
        <Freshness state={state} locale={locale} />
        <StatusPanel status={status} locale={locale} canEnable={ownPostmaster} />
        {status.enabled ? <QuotaPanel status={status} locale={locale} upgradeUrl={profile.upgradeUrl} /> : null}
        {status.enabled ? (
          <ClientSetup
            status={status}
            profile={profile}
            displayName={own ? me?.displayName : undefined}
            canEnableImap={ownPostmaster}
            onStatusChanged={replaceStatus}
          />
        ) : null}
      </>
    );
  }

  const account = state.kind === 'ready' ? state.status.address : me?.address;
  return (
    <div class="pp" data-state={state.kind}>
      <header class="pp-header">
        <h1 class="pp-title">{t('popup_title')}</h1>
        {account ? (
          <p class="pp-account" data-account={account}>
            {account}
          </p>
        ) : null}
      </header>
      <main class="pp-main">{body}</main>
      <footer class="pp-footer">
        {state.kind === 'ready' && state.status.enabled ? (
          <button type="button" class="pp-button pp-button--primary" onClick={() => void openArchive(profile, origin).then(close)}>
            {t('popup_openArchive')}
          </button>
        ) : null}
        <button type="button" class="pp-button pp-button--link" onClick={() => void browser.runtime.openOptionsPage().then(close)}>
          {t('popup_options')}
        </button>
      </footer>
    </div>
  );
}
