// The search box: text filters as you type; optional date range, attachments only, and scope.
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SearchForm } from './search';

export interface SearchBarProps {
  form: SearchForm;
  onChange(form: SearchForm): void;
  /** Esc in the box or the clear button. */
  onClear(): void;
}

export function SearchBar({ form, onChange, onClear }: SearchBarProps) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<SearchForm>) => onChange({ ...form, ...patch });
  const value = (event: Event) => (event.currentTarget as HTMLInputElement).value;
  return (
    <div class="search" role="search">
      <div class="search-row">
        <input
          type="search"
          class="search-input"
          aria-label={t('archive_search_label')}
          placeholder={t('archive_search_placeholder')}
          value={form.text}
          maxLength={200}
          onInput={(event) => set({ text: value(event) })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && form.text) {
              event.preventDefault();
              onClear();
            }
          }}
        />
        <button type="button" class="button button-ghost" aria-expanded={open} aria-controls="search-filters" onClick={() => setOpen(!open)}>
          {t('archive_search_filters')}
        </button>
      </div>
      <div id="search-filters" class="search-filters" hidden={!open}>
        <label class="field-inline">
          <span>{t('archive_search_from')}</span>
          <input type="date" value={form.from} onInput={(event) => set({ from: value(event) })} />
        </label>
        <label class="field-inline">
          <span>{t('archive_search_until')}</span>
          <input type="date" value={form.until} onInput={(event) => set({ until: value(event) })} />
        </label>
        <label class="field-inline">
          <input
            type="checkbox"
            checked={form.hasAttachment}
            onChange={(event) => set({ hasAttachment: (event.currentTarget as HTMLInputElement).checked })}
          />
          <span>{t('archive_search_attachments')}</span>
        </label>
        <label class="field-inline">
          <span>{t('archive_search_scope')}</span>
          <select
            value={form.scope}
            onChange={(event) => set({ scope: (event.currentTarget as HTMLSelectElement).value === 'folder' ? 'folder' : 'all' })}
          >
            <option value="all">{t('archive_search_scope_all')}</option>
            <option value="folder">{t('archive_search_scope_folder')}</option>
          </select>
        </label>
        <p class="search-hint">{t('archive_search_hint')}</p>
      </div>
    </div>
  );
}
