import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import type { WorkbookApplied } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { planPath, revisionsPath } from '../../ui/paths';

/** An applied workbook: how many corrections, the revision recording them and a link to its diff. */
export function AppliedNotice({ slug, result }: { slug: string; result: WorkbookApplied }) {
  const { t } = useI18n();
  return (
    <div className="notice" data-workbook-applied="">
      <p>
        {result.revision === null
          ? t('workbook.applied.nothing')
          : t('workbook.applied', { count: result.applied.length, revision: result.revision })}
      </p>
      <ul>
        {result.revision !== null && (
          <li>
            <Link
              to={`${revisionsPath(slug)}?from=${String(result.revision - 1)}&to=${String(result.revision)}`}
            >
              {t('workbook.applied.diff', { revision: result.revision })}
            </Link>
          </li>
        )}
        <li>
          <Link to={planPath(slug)}>{t('workbook.applied.plan')}</Link>
        </li>
      </ul>
    </div>
  );
}

/**
 * A refused preview or acceptance: a plan changed since the preview (409), cells that cannot be taken (400, each
 * `worksheet!cell`), or anything else with the server's words.
 */
export function RefusalNotice({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const lead =
    error.code === 'stale_version' || error.code === 'preview_mismatch'
      ? t('workbook.stale')
      : error.code === 'workbook_invalid'
        ? t('workbook.invalid')
        : t('workbook.failed', { reason: error.message });
  return (
    <div role="alert" className="notice notice--error" data-workbook-error={error.code}>
      <p>{lead}</p>
      {(error.code === 'stale_version' || error.code === 'preview_mismatch') && <p>{error.message}</p>}
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={`${detail.path} ${detail.message}`}>
              <code>{detail.path}</code> {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
