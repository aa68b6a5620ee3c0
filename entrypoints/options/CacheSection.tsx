// Options: what the cache holds and a confirmed "Svuota cache".
import { useState } from 'preact/hooks';
import { ArchiveError } from '@/utils/api/errors';
import { t } from '@/utils/i18n';
import { useBackground } from '@/components/background';

export function CacheSection() {
  const background = useBackground();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);

  const clear = async () => {
    setStep('busy');
    setError(null);
    try {
      await background.call('cache.clear', {});
      setStep('done');
    } catch (failure) {
      setError(t(ArchiveError.from(failure).messageKey));
      setStep('idle');
    }
  };

  return (
    <section class="op-section" aria-labelledby="op-cache">
      <h2 id="op-cache">{t('options_cache_heading')}</h2>
      <p>{t('options_cache_text')}</p>
      {step === 'confirm' || step === 'busy' ? (
        <div class="op-confirm" role="group" aria-labelledby="op-cache-confirm">
          <p id="op-cache-confirm">{t('options_cache_confirm')}</p>
          <div class="op-actions">
            <button type="button" class="op-button op-button--danger" disabled={step === 'busy'} onClick={clear}>
              {t('options_cache_confirmYes')}
            </button>
            <button type="button" class="op-button" disabled={step === 'busy'} onClick={() => setStep('idle')}>
              {t('options_cache_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="op-button" onClick={() => setStep('confirm')}>
          {t('options_cache_clear')}
        </button>
      )}
      <p class="op-status" role="status">
        {step === 'done' ? t('options_cache_done') : ''}
      </p>
      {error ? (
        <p class="op-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
