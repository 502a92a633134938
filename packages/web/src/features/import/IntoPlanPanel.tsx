import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, send } from '../../api/client';
import type { ImportBody, TableIntoPlanBody, TableIntoPlanPreview } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';
import { formatNumber } from '../../lib/format';
import { ScrollRegion } from '../../ui/ScrollRegion';

type Group = TableIntoPlanPreview['groups'][number];
type Target = TableIntoPlanBody['groups'][number];

// A group's choice as a select's value: a measure (m:), a new measure on a sheet (s:), or left out.
const SKIP = 'skip';
const measureChoice = (id: string) => `m:${id}`;
const sheetChoice = (id: string) => `s:${id}`;

/** The proposed measure; a group no measure agrees with is left out until the user chooses. */
function initialChoice(group: Group): string {
  return group.proposal === null ? SKIP : measureChoice(group.proposal.measureId);
}

function targetOf(key: string, choice: string, title: string): Target | null {
  if (choice.startsWith('m:')) return { key, measureId: choice.slice(2) };
  if (choice.startsWith('s:')) return { key, newMeasureOnSheet: choice.slice(2), title };
  return null;
}

function toApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught));
}

/** The plans a table may be added to, as a select. */
function PlanChoice({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (slug: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const { resource } = useApi('/api/plans', (signal) => send(api.GET('/api/plans', { signal })));
  const plans = resource.status === 'success' ? resource.data.plans : [];
  return (
    <div className="form__field">
      <label htmlFor={id}>{t('importInto.plan')}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        <option value="">{t('importInto.plan.choose')}</option>
        {plans.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.title} ({p.slug})
          </option>
        ))}
      </select>
    </div>
  );
}

/** One row per group: its KPIs and the measure they go to, the proposed one preselected. */
function GroupTable({
  preview,
  choices,
  onChoose,
  disabled,
}: {
  preview: TableIntoPlanPreview;
  choices: Record<string, string>;
  onChoose: (key: string, choice: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <ScrollRegion label={t('common.scrollRegion', { name: t('importInto.groups.caption') })}>
      <table className="data-table import-into-groups">
        <caption>{t('importInto.groups.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('importInto.groups.group')}</th>
            <th scope="col">{t('importInto.groups.kpis')}</th>
            <th scope="col">{t('importInto.groups.measure')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.groups.map((group) => (
            <tr key={group.key} data-group={group.key}>
              <th scope="row" lang="ja">
                {group.title}
                <span className="muted"> ({group.section})</span>
              </th>
              <td>
                <ul className="import-into-kpis">
                  {group.kpis.map((kpi, i) => (
                    <li key={`${kpi.name}:${String(i)}`} lang="ja">
                      {kpi.name}
                      {kpi.unit !== '' && <span className="muted">（{kpi.unit}）</span>}
                      {kpi.actuals > 0 && (
                        <span className="muted">
                          {' '}
                          {t('importInto.groups.actuals', { count: formatNumber(kpi.actuals) })}
                        </span>
                      )}
                      {kpi.existsOnProposed && <strong> {t('importInto.groups.exists')}</strong>}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <select
                  aria-label={t('importInto.groups.measureFor', { group: group.title })}
                  value={choices[group.key] ?? SKIP}
                  disabled={disabled}
                  onChange={(event) => {
                    onChoose(group.key, event.target.value);
                  }}
                >
                  <optgroup label={t('importInto.groups.existing')}>
                    {preview.measures.map((m) => (
                      <option key={m.id} value={measureChoice(m.id)}>
                        {t('importInto.groups.sheetPrefix', { number: String(m.sheetNumber) })} {m.title}
                        {group.proposal?.measureId === m.id ? ` ${t('importInto.groups.proposed')}` : ''}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('importInto.groups.new')}>
                    {preview.sheets.map((s) => (
                      <option key={s.id} value={sheetChoice(s.id)}>
                        {t('importInto.groups.newOn', { number: String(s.number), title: s.title })}
                      </option>
                    ))}
                  </optgroup>
                  <option value={SKIP}>{t('importInto.groups.skip')}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * The import screen's second way for a KPI table: its KPIs added to measures of an existing plan. The plan is
 * chosen, each group shown with the measure proposed for it (changeable), then committed; the plan's dashboard
 * opens with the added KPIs and their statuses.
 */
export function IntoPlanPanel({
  document,
  onError,
}: {
  document: ImportBody;
  onError: (error: ApiError | null) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [slug, setSlug] = useState('');
  const [preview, setPreview] = useState<TableIntoPlanPreview | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const file = {
    fileName: document.fileName,
    contentBase64: document.contentBase64,
    columnRoles: document.columnRoles,
  };

  async function match(chosen: string): Promise<void> {
    setSlug(chosen);
    setPreview(null);
    if (chosen === '') return;
    setBusy(true);
    onError(null);
    try {
      const shown = await send(
        api.POST('/api/plans/{slug}/imports/kpi-table/preview', {
          params: { path: { slug: chosen } },
          body: file,
        }),
      );
      setPreview(shown);
      setChoices(Object.fromEntries(shown.groups.map((g) => [g.key, initialChoice(g)])));
    } catch (caught) {
      onError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function commit(shown: TableIntoPlanPreview): Promise<void> {
    const groups = shown.groups.flatMap((g) => {
      const target = targetOf(g.key, choices[g.key] ?? SKIP, g.title);
      return target === null ? [] : [target];
    });
    if (groups.length === 0) {
      onError(new ApiError(0, 'nothing_chosen', t('importInto.error.none')));
      return;
    }
    setBusy(true);
    onError(null);
    try {
      await send(
        api.POST('/api/plans/{slug}/imports/kpi-table', {
          params: { path: { slug: shown.plan.slug } },
          body: { ...file, groups },
        }),
      );
      void navigate(`/plans/${encodeURIComponent(shown.plan.slug)}/dashboard`);
    } catch (caught) {
      onError(toApiError(caught));
      setBusy(false);
    }
  }

  return (
    <section className="import-into" aria-labelledby="import-into-title" aria-busy={busy}>
      <h3 id="import-into-title">{t('importInto.title')}</h3>
      <p className="form__hint">{t('importInto.lead')}</p>
      <PlanChoice value={slug} onChange={(s) => void match(s)} disabled={busy} />
      {preview !== null && preview.plan.slug === slug && (
        <>
          <GroupTable
            preview={preview}
            choices={choices}
            disabled={busy}
            onChoose={(key, choice) => {
              setChoices((before) => ({ ...before, [key]: choice }));
            }}
          />
          <p>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void commit(preview)}
            >
              {t('importInto.commit')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
