import { en } from './en';
import { ja, type MessageKey, type Messages } from './ja';

/** Languages the UI speaks; Japanese first. */
export const LANGUAGES = ['ja', 'en'] as const;
/** A language the UI speaks. */
export type Lang = (typeof LANGUAGES)[number];

/** The language used when nothing else says otherwise. */
export const DEFAULT_LANG: Lang = 'ja';

const CATALOGUES: Record<Lang, Messages> = { ja, en };

/** Values to fill `{name}` placeholders with. */
export type MessageParams = Record<string, string | number>;

/** Reads a language code, or null when it is not one the UI speaks. */
export function parseLang(value: string | null | undefined): Lang | null {
  return value === 'ja' || value === 'en' ? value : null;
}

/** Looks a key up in a language's catalogue and fills its placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
