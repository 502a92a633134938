// Phases past their end and not done, grouped by measure.
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { PlanDashboard } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, circledNumber, formatNumber } from '../../lib/format';
import { PhaseStatusBadge } from '../../ui/PhaseStatusBadge';
import { measurePath } from '../../ui/paths';

type OverduePhase = PlanDashboard['overduePhases'][number];
interface OverdueMeasure {
  measureId: string;
  measureTitle: string;
  sheetNumbers: number[];
  phases: OverduePhase['phase'][];
}

function groupOverdue(items: readonly OverduePhase[]): OverdueMeasure[] {
  const byMeasure = new Map<string, OverdueMeasure>();
  for (const item of items) {
    let group = byMeasure.get(item.measureId);
    if (!group) {
      group = { measureId: item.measureId, measureTitle: item.measureTitle, sheetNumbers: [], phases: [] };
      byMeasure.set(item.measureId, group);
    }
    if (!group.sheetNumbers.includes(item.sheetNumber)) group.sheetNumbers.push(item.sheetNumber);
    // A reposted measure lists its phases once.
    if (!group.phases.some((phase) => phase.id === item.phase.id)) group.phases.push(item.phase);
  }
  return [...byMeasure.values()];
}

export function OverdueMeasures({ dashboard }: { dashboard: PlanDashboard }) {
  const { t } = useI18n();
  const groups = useMemo(() => groupOverdue(dashboard.overduePhases), [dashboard.overduePhases]);
  if (groups.length === 0) return <p className="empty">{t('dashboard.overdue.none')}</p>;
  const phaseCount = groups.reduce((sum, group) => sum + group.phases.length, 0);
  return (
    <>
      <p className="muted">
        {t('dashboard.overdue.lead', {
          count: formatNumber(phaseCount),
          measures: formatNumber(groups.length),
        })}
      </p>
      <ul className="dashboard-overdue">
        {groups.map((group) => (
          <li key={group.measureId}>
            <p className="dashboard-overdue__measure">
              <Link to={measurePath(dashboard.plan.slug, group.measureId)} lang={CONTENT_LANG}>
                {group.measureTitle}
              </Link>{' '}
              <span className="muted">
                （
                {group.sheetNumbers
                  .map((number) => t('plan.sheet.number', { number: circledNumber(number) }))
                  .join('・')}
                ）
              </span>
            </p>
            <details>
              <summary>{t('dashboard.overdue.count', { count: formatNumber(group.phases.length) })}</summary>
              <ul className="dashboard-overdue__phases">
                {group.phases.map((phase) => (
                  <li key={phase.id}>
                    <PhaseStatusBadge status={phase.status} />{' '}
                    <span lang={CONTENT_LANG}>
                      {phase.text}（{phase.period.label}）
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
