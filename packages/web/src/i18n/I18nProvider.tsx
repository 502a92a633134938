import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_LANG, parseLang, translate, type Lang } from './catalogue';
import { I18nContext, type I18n } from './context';

const STORAGE_KEY = 'kotei.lang';

function readStoredLang(): Lang | null {
  try {
    return parseLang(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be disabled by policy on office machines; the default language still works.
    return null;
  }
}

function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See readStoredLang.
  }
}

/**
 * Chooses the UI language: `?lang=` in the address wins, then the last choice kept in localStorage, then
 * Japanese. Keeps `<html lang>` in step so assistive technology reads the page in the right language.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryLang = parseLang(searchParams.get('lang'));
  const [storedLang, setStoredLang] = useState<Lang | null>(readStoredLang);
  // A link with ?lang=en is a choice too: keep it for the pages reached from here.
  if (queryLang && queryLang !== storedLang) setStoredLang(queryLang);
  const lang = queryLang ?? storedLang ?? DEFAULT_LANG;

  useEffect(() => {
    if (queryLang) storeLang(queryLang);
  }, [queryLang]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      storeLang(next);
      setStoredLang(next);
      if (queryLang) {
        setSearchParams(
          (params) => {
            params.set('lang', next);
            return params;
          },
          { replace: true },
        );
      }
    },
    [queryLang, setSearchParams],
  );

  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}
