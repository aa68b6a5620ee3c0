// Popup entry: loads the chosen language and the webmail origin, then mounts the popup.
import { render } from 'preact';
import '@/components/common.css';
import { Popup } from './Popup';
import { popupOrigin } from './popup-origin';
import { initI18n, t, uiLanguage } from '@/utils/i18n';
import { activeProfile } from '@/utils/providers/active';
import { BackgroundContext } from '@/components/background';
import { backgroundClient } from '@/utils/rpc/client';

async function main() {
  await initI18n().catch(() => undefined);
  document.documentElement.lang = uiLanguage();
  document.title = t('popup_title');
  const origin = await popupOrigin(location.search, activeProfile);
  render(
    <BackgroundContext.Provider value={backgroundClient(origin ?? null)}>
      <Popup profile={activeProfile} origin={origin} />
    </BackgroundContext.Provider>,
    document.getElementById('app')!,
  );
}

void main();
