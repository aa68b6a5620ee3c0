// Postmaster frame entry (postmaster.html#ticket=…&scheme=…): redeems the ticket our content script got for it, then
// shows the Archivio tab, a dialog or the bulk panel. An address without a valid ticket shows what to do, nothing else.
import { render } from 'preact';
import { PostmasterApp } from './PostmasterApp';
import { initI18n, t, uiLanguage } from '@/utils/i18n';
import { frameHost, reportHeight } from './frame-host';
import { readFrameHash, type FrameParams } from '@/utils/frames/postmaster-url';
import './postmaster.css';
import { BackgroundContext } from '@/components/background';
import { backgroundClient } from '@/utils/rpc/client';

async function main() {
  const hash = readFrameHash(location.hash);
  await initI18n(hash.lang).catch(() => undefined);
  const root = document.documentElement;
  root.lang = uiLanguage();
  // The ticket goes at once: a reload or a copied address cannot use it again.
  history.replaceState(null, '', `${location.pathname}${hash.scheme ? `#scheme=${hash.scheme}` : ''}`);
  const app = document.getElementById('app')!;
  const scheme = hash.scheme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.dataset.theme = scheme;
  const client = backgroundClient(null);
  const params: FrameParams | null = hash.ticket ? await client.call('frame.redeem', { ticket: hash.ticket }).catch(() => null) : null;
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
    <BackgroundContext.Provider value={client}>
      <PostmasterApp params={params} host={host} />
    </BackgroundContext.Provider>,
    app,
  );
}

void main();
