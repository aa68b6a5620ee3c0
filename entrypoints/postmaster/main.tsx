// Postmaster frame entry (postmaster.html#view=…&mailbox=…&origin=…): the Archivio tab, dialogs and bulk panel.
import { render } from 'preact';
import { PostmasterApp } from './PostmasterApp';
import { initI18n, t, uiLanguage } from '@/utils/i18n';
import { frameHost, reportHeight } from './frame-host';
import { parseFrameHash } from '@/utils/frames/postmaster-url';
import './postmaster.css';
import { BackgroundContext } from '@/components/background';
import { backgroundClient } from '@/utils/rpc/client';

async function main() {
  await initI18n().catch(() => undefined);
  const root = document.documentElement;
  root.lang = uiLanguage();
  const params = parseFrameHash(location.hash);
  const app = document.getElementById('app')!;
  const scheme = params?.scheme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.dataset.theme = scheme;
  if (!params) {
    render(
      <p class="pm-alert" role="alert">
        {t('postmaster_badAddress')}
      </p>,
      app,
    );
    return;
  }
  root.dataset.view = params.view;
  const host = frameHost(params.origin);
  if (params.view === 'tab') reportHeight(host, app);
  render(
    <BackgroundContext.Provider value={backgroundClient(params.origin)}>
      <PostmasterApp params={params} host={host} />
    </BackgroundContext.Provider>,
    app,
  );
}

void main();
