import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useI18n } from '../i18n/useI18n';
import type { Resource } from '../api/useApi';
import { ResourceView } from './status';

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

/** A plan page's data: loading, the plan's not-found view, a load error with the way back to the list, or it. */
export function PlanResourceView<T>({
  slug,
  resource,
  reload,
  children,
}: {
  slug: string;
  resource: Resource<T>;
  reload: () => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ResourceView
      resource={resource}
      reload={reload}
      notFound={{ view: <PlanNotFound slug={slug} /> }}
      back={{ to: '/', label: t('plan.backToList') }}
    >
      {children}
    </ResourceView>
  );
}
