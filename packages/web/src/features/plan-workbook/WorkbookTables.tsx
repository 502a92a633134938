import type { PlanTree, WorkbookPreview } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, circledNumber } from '../../lib/format';
import { groupChanges } from './change-groups';

type Issue = WorkbookPreview['issues'][number];
type CellValue = WorkbookPreview['changes'][number]['before'];

// The workbook's column names the screen words (others are shown as the workbook names them).
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  title: 'workbook.field.title',
  text: 'workbook.field.text',
  name: 'workbook.field.name',
  unit: 'workbook.field.unit',
  note: 'workbook.field.note',
  baseline_value: 'workbook.field.baseline',
  target_value: 'workbook.field.target',
};

function useFieldLabel(): (field: string | null) => string {
  const { t } = useI18n();
  return (field) => {
    if (field === null) return '—';
    const key = FIELD_LABELS[field];
    return key ? t(key) : field;
  };
}

// The server's words for what a cell should hold, in the screen's language where it says one of these.
const EXPECTED_LABELS: Readonly<Record<string, MessageKey>> = {
  text: 'workbook.expected.text',
  'a whole number': 'workbook.expected.integer',
  'a number': 'workbook.expected.number',
  'a date as YYYY-MM-DD': 'workbook.expected.date',
  'TRUE or FALSE': 'workbook.expected.boolean',
  empty: 'workbook.expected.empty',
  'a row of the plan': 'workbook.expected.planRow',
  'the published text': 'workbook.expected.published',
  'text without control characters': 'workbook.expected.noControl',
  'an .xlsx workbook': 'workbook.expected.xlsx',
};

function Value({ value }: { value: CellValue }) {
  const { t } = useI18n();
  if (value === null || value === '') return <span className="muted">{t('workbook.empty')}</span>;
  return <span lang={CONTENT_LANG}>{String(value)}</span>;
}

/** Every cell the workbook cannot take: worksheet, cell address, what it found and what was expected. */
export function IssueTable({ issues }: { issues: readonly Issue[] }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const expected = (words: string) => {
    const key = EXPECTED_LABELS[words];
    return key ? t(key) : words;
  };
  return (
    <table className="plan-workbook__table">
      <caption>{t('workbook.issues.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workbook.col.worksheet')}</th>
          <th scope="col">{t('workbook.col.cell')}</th>
          <th scope="col">{t('workbook.col.field')}</th>
          <th scope="col">{t('workbook.col.found')}</th>
          <th scope="col">{t('workbook.col.expected')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr
            key={`${issue.worksheet}!${issue.cell} ${issue.message}`}
            data-issue-cell={`${issue.worksheet}!${issue.cell}`}
          >
            <td>{issue.worksheet}</td>
            <th scope="row">
              <code>{issue.cell}</code>
            </th>
            <td>{label(issue.field)}</td>
            <td lang={CONTENT_LANG}>{issue.found}</td>
            <td>{expected(issue.expected)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The changes, one table per sheet, a group of rows per measure: field, before → after, worksheet!cell. */
export function ChangeTables({ plan, changes }: { plan: PlanTree; changes: WorkbookPreview['changes'] }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  return (
    <>
      {groupChanges(plan, changes).map((group) => (
        <table key={group.key} className="plan-workbook__table" data-change-sheet={group.key}>
          <caption lang={group.sheet ? CONTENT_LANG : undefined}>
            {group.sheet
              ? t('workbook.changes.sheet', {
                  number: circledNumber(group.sheet.number),
                  title: group.sheet.title,
                })
              : t('workbook.changes.plan')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('workbook.col.field')}</th>
              <th scope="col">{t('workbook.col.before')}</th>
              <th scope="col">{t('workbook.col.after')}</th>
              <th scope="col">{t('workbook.col.where')}</th>
            </tr>
          </thead>
          {group.measures.map((measure) => (
            <tbody key={measure.key}>
              <tr>
                <th scope="rowgroup" colSpan={4} lang={measure.title === null ? undefined : CONTENT_LANG}>
                  {measure.title ?? t('workbook.changes.noMeasure')}
                </th>
              </tr>
              {measure.changes.map(({ change, subject }) => (
                <tr
                  key={`${change.worksheet}!${change.cell}`}
                  data-change-cell={`${change.worksheet}!${change.cell}`}
                >
                  <th scope="row">
                    {label(change.field)}
                    {subject !== null && (
                      <>
                        {' '}
                        <span className="plan-workbook__subject" lang={CONTENT_LANG}>
                          （{subject}）
                        </span>
                      </>
                    )}
                  </th>
                  <td>
                    <Value value={change.before} />
                  </td>
                  <td>
                    <Value value={change.after} />
                  </td>
                  <td>
                    <code>
                      {change.worksheet}!{change.cell}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      ))}
    </>
  );
}
