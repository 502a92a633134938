import { useId, useState } from 'react';
import { KPI_TABLE_COLUMN_ROLES, type KpiTableColumnRole } from '@kotei/domain/codes';
import type { ImportBody, ImportPreview } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** A KPI table's layout and proposed column roles, as the preview gives them. */
export type TableMapping = NonNullable<ImportPreview['table']>;
/** The columns whose role the user set. */
export type ColumnRoles = NonNullable<ImportBody['columnRoles']>;

const ROLE_KEY: Record<KpiTableColumnRole, MessageKey> = {
  name: 'importTable.role.name',
  group: 'importTable.role.group',
  code: 'importTable.role.code',
  unit: 'importTable.role.unit',
  baseline: 'importTable.role.baseline',
  target: 'importTable.role.target',
  actual: 'importTable.role.actual',
  estimate: 'importTable.role.estimate',
  status: 'importTable.role.status',
  owner: 'importTable.role.owner',
  note: 'importTable.role.note',
  ignore: 'importTable.role.ignore',
};

const STORE_PREFIX = 'kotei.kpiTableMapping:';

// A saved mapping belongs to the headers it was made for: next year's file from the same office has them again.
function storeKey(table: TableMapping): string {
  const columns = table.mappings[0]?.columns ?? [];
  return STORE_PREFIX + columns.map((c) => c.header).join('\u0001');
}

function loadSaved(table: TableMapping): ColumnRoles | null {
  try {
    const raw = window.localStorage.getItem(storeKey(table));
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return null;
    return parsed.filter(
      (item): item is ColumnRoles[number] =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { column?: unknown }).column === 'number' &&
        (KPI_TABLE_COLUMN_ROLES as readonly unknown[]).includes((item as { role?: unknown }).role),
    );
  } catch {
    return null;
  }
}

/** The same roles, with one column set to another. */
export function withRole(
  roles: ColumnRoles | undefined,
  column: number,
  role: KpiTableColumnRole,
): ColumnRoles {
  return [...(roles ?? []).filter((r) => r.column !== column), { column, role }];
}

/**
 * The mapping step: each column of the table's first header with its proposed role, how sure, and why; the user
 * picks another role and the preview is read again. A mapping can be saved in this browser and applied to the
 * next table with the same headers.
 */
export function ColumnMappingView({
  table,
  isBusy,
  onChange,
  onApply,
}: {
  table: TableMapping;
  isBusy: boolean;
  onChange: (column: number, role: KpiTableColumnRole) => void;
  onApply: (roles: ColumnRoles) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [saved, setSaved] = useState<ColumnRoles | null>(() => loadSaved(table));
  const [justSaved, setJustSaved] = useState(false);
  const first = table.mappings[0];
  if (first === undefined) return null;
  const caption = t('importTable.mapping.caption', { format: table.format, line: String(first.line) });
  const save = () => {
    const roles = first.columns.map((c) => ({ column: c.column, role: c.role }));
    window.localStorage.setItem(storeKey(table), JSON.stringify(roles));
    setSaved(roles);
    setJustSaved(true);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="import-mapping">
      <h2 id={`${id}-title`}>{t('importTable.mapping.title')}</h2>
      <p>{t('importTable.mapping.lead')}</p>
      <ScrollRegion label={t('common.scrollRegion', { name: caption })} className="import-issues">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('importTable.mapping.column')}
              </th>
              <th scope="col">{t('importTable.mapping.header')}</th>
              <th scope="col">{t('importTable.mapping.role')}</th>
              <th scope="col" className="num">
                {t('importTable.mapping.confidence')}
              </th>
              <th scope="col">{t('importTable.mapping.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {first.columns.map((c) => (
              <tr key={c.column} data-column={c.column}>
                <th scope="row" className="num">
                  {c.column + 1}
                </th>
                <td lang="ja">{c.header}</td>
                <td>
                  <select
                    aria-label={`${t('importTable.mapping.role')}: ${c.header === '' ? String(c.column + 1) : c.header}`}
                    value={c.role}
                    disabled={isBusy}
                    onChange={(event) => {
                      onChange(c.column, event.currentTarget.value as KpiTableColumnRole);
                    }}
                  >
                    {KPI_TABLE_COLUMN_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(ROLE_KEY[role])}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">{Math.round(c.confidence * 100)}%</td>
                <td lang="ja">{c.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="import-mapping__actions">
        <button type="button" className="button" disabled={isBusy} onClick={save}>
          {t('importTable.mapping.save')}
        </button>
        {saved !== null && !justSaved && (
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={() => {
              onApply(saved);
            }}
          >
            {t('importTable.mapping.apply')}
          </button>
        )}
      </p>
      {justSaved && (
        <p role="status" className="status">
          {t('importTable.mapping.saved')}
        </p>
      )}
    </section>
  );
}
