import { useEffect } from 'react';
import { useI18n } from '../i18n/useI18n';

/** Sets `<title>` to "page | 工程 kotei"; the product name alone when `page` is null. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useI18n();
  const title = page === null ? `${t('app.name')} ${t('app.nameLatin')}` : t('app.pageTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
