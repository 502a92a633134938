// Moving between the sheets of a plan's timeline, and what a sheet number no sheet has shows.
import { Link, useSearchParams } from 'react-router';
import type { PlanTree } from '../../api/types';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { SheetName } from '../../ui/SheetName';
import { timelinePath } from './timeline-paths';

export function SheetNav({ plan, current }: { plan: PlanTree; current: number | null }) {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  return (
    <nav className="timeline-nav" aria-labelledby="timeline-nav-title">
      <p id="timeline-nav-title" className="timeline-nav__title">
        {t('timeline.nav.sheets')}
      </p>
      <ul>
        <li>
          <Link
            to={timelinePath(plan.slug, null, searchParams)}
            aria-current={current === null ? 'page' : undefined}
          >
            {t('timeline.nav.wholePlan')}
          </Link>
        </li>
        {plan.sheets.map((sheet) => (
          <li key={sheet.id}>
            <Link
              to={timelinePath(plan.slug, sheet.number, searchParams)}
              aria-current={current === sheet.number ? 'page' : undefined}
            >
              <SheetName sheet={sheet} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SheetNotFound({ plan, number }: { plan: PlanTree; number: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('timeline.sheet.notFound.title'));
  return (
    <>
      <h1>{t('timeline.sheet.notFound.title')}</h1>
      <p>{t('timeline.sheet.notFound.body', { number })}</p>
      <p>
        <Link to={`/plans/${encodeURIComponent(plan.slug)}/timeline`}>{t('timeline.nav.wholePlan')}</Link>
      </p>
    </>
  );
}
