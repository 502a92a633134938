import { useContext } from 'react';
import { I18nContext, type I18n } from './context';

/** The current language, a way to change it, and `t(key, params?)` for every string the UI shows. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() must be used inside <I18nProvider>');
  return i18n;
}
