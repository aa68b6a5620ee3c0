// The options page: provider profile, language, cache, privacy.
import { t, type Language } from '@/utils/i18n';
import type { ProviderProfile } from '@/utils/providers/profile';
import { CacheSection } from './CacheSection';
import { LanguageSection } from './LanguageSection';
import { PrivacySection } from './PrivacySection';
import { ProviderSection } from './ProviderSection';

export function Options({
  profile,
  onLanguage,
  languageSaved = false,
}: {
  profile: ProviderProfile;
  onLanguage(language: Language): Promise<void>;
  languageSaved?: boolean;
}) {
  return (
    <main class="op">
      <h1>{t('options_title')}</h1>
      <ProviderSection profile={profile} />
      <LanguageSection onChanged={onLanguage} saved={languageSaved} />
      <CacheSection />
      <PrivacySection profile={profile} />
    </main>
  );
}
