import { Link } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useI18n } from '../i18n/useI18n';

/** What every plan page (plan, dashboard, timeline) shows for a slug no plan has. */
export function PlanNotFound({ slug }: { slug: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('plan.notFound.title'));
  return (
    <>
      <h1>{t('plan.notFound.title')}</h1>
      <p>{t('plan.notFound.body', { slug })}</p>
      <p>
        <Link to="/">{t('plan.backToList')}</Link>
      </p>
    </>
  );
}
