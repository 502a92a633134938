import { Link } from 'react-router';
import { useI18n } from '../i18n/useI18n';
import { useDocumentTitle } from './useDocumentTitle';

/** Any path the SPA does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('plan.backToList')}</Link>
      </p>
    </>
  );
}
