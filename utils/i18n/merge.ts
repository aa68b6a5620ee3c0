// Merges the per-feature message files (locales/<lang>/<feature>.json) into one _locales messages.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;

export const LANGUAGES = ['it', 'en'] as const;

export function mergeLocale(localesDir: string, language: string): Messages {
  const merged: Messages = {};
  const dir = join(localesDir, language);
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const messages = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Messages;
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`message "${key}" defined twice (${language}/${file})`);
      merged[key] = value;
    }
  }
  return merged;
}
