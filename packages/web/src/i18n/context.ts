import { createContext } from 'react';
import type { Lang, MessageParams } from './catalogue';
import type { MessageKey } from './ja';

/** What useI18n() gives a component. */
export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

/** Set by I18nProvider; null outside it. */
export const I18nContext = createContext<I18n | null>(null);
