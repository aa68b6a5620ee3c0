// Options entry: loads the chosen language and mounts the page; a new language re-renders it at once.
import { render } from 'preact';
import '@/components/common.css';
import { initI18n, t, uiLanguage } from '@/utils/i18n';
import { activeProfile } from '@/utils/providers/active';
import { Options } from './Options';
import './options.css';

const root = document.getElementById('app')!;

function mount(languageSaved = false) {
  document.documentElement.lang = uiLanguage();
  document.title = t('options_title');
  // A fresh tree, so every section picks up the new language.
  render(null, root);
  render(<Options profile={activeProfile} onLanguage={changeLanguage} languageSaved={languageSaved} />, root);
}

async function changeLanguage() {
  // The choice is already stored: the page picks its language again as any screen does on load.
  await initI18n().catch(() => undefined);
  mount(true);
}

void initI18n()
  .catch(() => undefined)
  .then(() => mount());
