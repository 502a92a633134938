import { Link } from 'react-router';
import { useI18n } from '../i18n/useI18n';

/** One step of the trail; `lang` marks plan content (a Japanese title) inside an English page. */
export interface Crumb {
  label: string;
  to: string;
  lang?: string;
}

/** 計画一覧 › plan title › 施策: where the page sits, the current page last and not a link. */
export function Breadcrumbs({ trail, current }: { trail: readonly Crumb[]; current: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to} lang={crumb.lang}>
              {crumb.label}
            </Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
