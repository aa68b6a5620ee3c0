// Options: the interface language (automatic, Italian, English), kept in storage.local and read by initI18n().
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGE_KEY, t, type Language } from '@/utils/i18n';

/** `saved` shows the confirmation after the page re-rendered itself in the new language. */
export function LanguageSection({ onChanged, saved = false }: { onChanged(language: Language): Promise<void>; saved?: boolean }) {
  const [language, setLanguage] = useState<Language>('auto');

  useEffect(() => {
    void browser.storage.local.get(LANGUAGE_KEY).then((stored) => {
      const value = stored[LANGUAGE_KEY];
      if (value === 'it' || value === 'en') setLanguage(value);
    });
  }, []);

  const choose = async (value: Language) => {
    setLanguage(value);
    if (value === 'auto') await browser.storage.local.remove(LANGUAGE_KEY);
    else await browser.storage.local.set({ [LANGUAGE_KEY]: value });
    await onChanged(value);
  };

  return (
    <section class="op-section" aria-labelledby="op-language">
      <h2 id="op-language">{t('options_language_heading')}</h2>
      <label class="op-field">
        <span>{t('options_language_label')}</span>
        <select value={language} onChange={(event) => void choose((event.currentTarget as HTMLSelectElement).value as Language)}>
          <option value="auto">{t('options_language_auto')}</option>
          <option value="it" lang="it">
            {t('options_language_it')}
          </option>
          <option value="en" lang="en">
            {t('options_language_en')}
          </option>
        </select>
      </label>
      <p class="op-status" role="status">
        {saved ? t('options_language_saved') : ''}
      </p>
    </section>
  );
}
