import { useEffect, useId, useState } from 'react';
import { KPI_TABLE_COLUMN_ROLES, type KpiTableColumnRole } from '@kotei/domain/codes';
import { api, send } from '../../api/client';
import type { ImportBody, ImportPreview, SavedKpiTableMapping } from '../../api/types';
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
 * picks another role and the preview is read again. A mapping can be saved on the server under a name and is
 * offered for the next table with the same headers (its signature), the user's own and their office's.
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
  const first = table.mappings[0];
  if (first === undefined) return null;
  const caption = t('importTable.mapping.caption', { format: table.format, line: String(first.line) });
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
      <SavedMappings
        signature={table.signature}
        columnRoles={first.columns.map((c) => ({ column: c.column, role: c.role }))}
        isBusy={isBusy}
        onApply={onApply}
      />
    </section>
  );
}

// Saving the mapping under a name, and the saved mappings for these headers (the user's and their office's).
function SavedMappings({
  signature,
  columnRoles,
  isBusy,
  onApply,
}: {
  signature: string;
  columnRoles: ColumnRoles;
  isBusy: boolean;
  onApply: (roles: ColumnRoles) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [saved, setSaved] = useState<SavedKpiTableMapping[]>([]);
  const [name, setName] = useState('');
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    send(
      api.GET('/api/imports/table-mappings', { params: { query: { signature } }, signal: controller.signal }),
    )
      .then((answer) => {
        setSaved(answer.mappings);
      })
      .catch(() => {
        setSaved([]);
      });
    return () => {
      controller.abort();
    };
  }, [signature]);
  const save = async () => {
    setFailed(false);
    try {
      const mapping = await send(
        api.PUT('/api/imports/table-mappings', { body: { name: name.trim(), signature, columnRoles } }),
      );
      setSaved((list) => [mapping, ...list.filter((m) => m.id !== mapping.id)]);
      setJustSaved(mapping.name);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <form
        className="import-mapping__actions"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor={`${id}-name`}>{t('importTable.mapping.name')}</label>{' '}
        <input
          id={`${id}-name`}
          value={name}
          maxLength={100}
          required
          disabled={isBusy}
          onChange={(event) => {
            setName(event.currentTarget.value);
          }}
        />{' '}
        <button type="submit" className="button" disabled={isBusy || name.trim() === ''}>
          {t('importTable.mapping.save')}
        </button>
      </form>
      {saved.length > 0 && (
        <ul className="import-mapping__saved" aria-label={t('importTable.mapping.savedList')}>
          {saved.map((mapping) => (
            <li key={mapping.id}>
              <button
                type="button"
                className="button"
                disabled={isBusy}
                onClick={() => {
                  onApply(mapping.columnRoles);
                }}
              >
                {t('importTable.mapping.apply', { name: mapping.name })}
              </button>
              {!mapping.isOwn && <span className="muted"> {t('importTable.mapping.office')}</span>}
            </li>
          ))}
        </ul>
      )}
      {justSaved !== null && (
        <p role="status" className="status">
          {t('importTable.mapping.saved', { name: justSaved })}
        </p>
      )}
      {failed && (
        <p role="alert" className="notice">
          {t('importTable.mapping.saveFailed')}
        </p>
      )}
    </>
  );
}
