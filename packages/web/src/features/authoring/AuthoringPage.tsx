import { useId, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, detailText, send } from '../../api/client';
import type { RevisionDraft } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { planPath, proposalsPath, revisionsPath } from '../../ui/paths';
import { ResourceView } from '../../ui/status';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import { AddKpiForm, AddMeasureForm, AddNumberedForm, AddPhaseForm, type Post } from './AddForms';
import { ChangeList } from './ChangeList';
import { RenameForm, ReorderButtons, RetireButton, type Apply } from './EditForms';
import { GoalsSection } from './GoalForms';
import { KpiRow } from './KpiRow';
import { MeasureControls } from './MeasureControls';
import { live } from './reorder';
import { MeasureBudgets } from './BudgetForms';
import { ProposalsPanel } from './ProposalsPanel';
import './authoring.css';

type Structure = RevisionDraft['structure'];
type Phase = Structure['phases'][number];
const yearOf = (phase: Phase): number => phase.period.fiscalYear ?? Number(phase.period.start.slice(0, 4));

// The fiscal-year columns a measure's phases are laid on: the plan's horizon, else around its phases.
function yearsFor(structure: Structure, phases: Phase[]): number[] {
  const horizon = structure.plan.horizon;
  const seen = phases.map(yearOf);
  const from = horizon?.from ?? Math.min(...seen, new Date().getFullYear()) - 1;
  const to = horizon?.to ?? Math.max(...seen, new Date().getFullYear()) + 2;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** A measure's phases on fiscal-year columns: drag a phase to a column, or focus it and press ← or →. */
function PhaseGrid({ structure, phases, apply }: { structure: Structure; phases: Phase[]; apply: Apply }) {
  const { t } = useI18n();
  const years = yearsFor(structure, phases);
  const move = (phase: Phase, year: number) =>
    apply([{ op: 'phase.move', id: phase.id, period: `${String(year)}年度` }]);
  const onKey = (phase: Phase) => (event: KeyboardEvent<HTMLSpanElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    void move(phase, yearOf(phase) + step);
  };
  return (
    <div className="authoring-years" role="group" aria-label={t('authoring.years')}>
      {years.map((year) => (
        <div
          key={year}
          className="authoring-year"
          data-year={year}
          onDragOver={(event) => {
            event.preventDefault();
          }}
          onDrop={(event) => {
            event.preventDefault();
            const phase = phases.find((p) => p.id === event.dataTransfer.getData('text/plain'));
            if (phase && yearOf(phase) !== year) void move(phase, year);
          }}
        >
          <span className="authoring-year__label">{`${String(year)}年度`}</span>
          {phases
            .filter((p) => yearOf(p) === year)
            .map((phase) => [
              <span
                key={phase.id}
                className="authoring-phase"
                role="button"
                tabIndex={0}
                draggable
                data-phase-id={phase.id}
                aria-label={t('authoring.phaseMove', { text: phase.text, period: phase.period.label })}
                onDragStart={(event) => {
                  event.dataTransfer.setData('text/plain', phase.id);
                }}
                onKeyDown={onKey(phase)}
                lang={CONTENT_LANG}
              >
                {phase.text}
              </span>,
              // Beside the phase, not in it: the phase is itself the control that moves it.
              <RetireButton
                key={`${phase.id}-retire`}
                kind="phase"
                id={phase.id}
                name={phase.text}
                apply={apply}
              />,
            ])}
        </div>
      ))}
    </div>
  );
}

function Measures({ structure, apply, post }: { structure: Structure; apply: Apply; post: Post }) {
  const { t } = useI18n();
  const sheets = live(structure.sheets);
  const sheetIds = sheets.map((s) => s.id);
  const measures = live(structure.measures);
  return (
    <>
      {sheets.map((sheet) => {
        const inSheet = measures.filter((m) => m.sheetId === sheet.id);
        const measureIds = inSheet.map((m) => m.id);
        return (
          <section key={sheet.id} aria-label={sheet.title} data-sheet-id={sheet.id}>
            <h2 lang={CONTENT_LANG}>{sheet.title}</h2>
            <ReorderButtons kind="sheet" id={sheet.id} ids={sheetIds} name={sheet.title} apply={apply} />{' '}
            <RetireButton kind="sheet" id={sheet.id} name={sheet.title} apply={apply} />
            <RenameForm
              key={sheet.title}
              summary={t('authoring.edit.renameSheet')}
              label={t('authoring.add.sheetTitle')}
              current={sheet.title}
              post={post}
              edit={(title) => ({ op: 'sheet.update', id: sheet.id, title })}
            />
            {inSheet.map((measure) => {
              const kpis = live(structure.kpis.filter((k) => k.measureId === measure.id));
              const kpiIds = kpis.map((k) => k.id);
              const split = () => {
                const moved = kpis.at(-1);
                void apply([
                  {
                    op: 'measure.split',
                    id: measure.id,
                    parts: [
                      {
                        id: measure.id,
                        title: measure.title,
                        ministries: measure.ministries,
                        kpiIds: [],
                        phaseIds: [],
                      },
                      {
                        id: crypto.randomUUID(),
                        title: `${measure.title}${t('authoring.splitSuffix')}`,
                        ministries: measure.ministries,
                        kpiIds: moved && kpis.length > 1 ? [moved.id] : [],
                        phaseIds: [],
                      },
                    ],
                  },
                ]);
              };
              return (
                <article key={measure.id} className="authoring-measure" data-measure-id={measure.id}>
                  <h3 lang={CONTENT_LANG}>{measure.title}</h3>
                  <MeasureControls
                    measure={measure}
                    ids={measureIds}
                    sheets={sheets}
                    measures={measures}
                    apply={apply}
                    post={post}
                  />
                  <PhaseGrid
                    structure={structure}
                    phases={live(structure.phases.filter((p) => p.measureId === measure.id))}
                    apply={apply}
                  />
                  <ul>
                    {kpis.map((kpi) => (
                      <KpiRow
                        key={`${kpi.id}-${String(kpi.target?.value)}`}
                        structure={structure}
                        kpi={kpi}
                        ids={kpiIds}
                        apply={apply}
                        post={post}
                      />
                    ))}
                  </ul>
                  <button type="button" className="button" onClick={split}>
                    {t('authoring.split')}
                  </button>
                  <AddPhaseForm post={post} measureId={measure.id} />
                  <AddKpiForm post={post} measureId={measure.id} />
                  <MeasureBudgets
                    budgets={live((structure.budgets ?? []).filter((b) => b.measureIds.includes(measure.id)))}
                    measureId={measure.id}
                    ministry={measure.ministries[0] ?? null}
                    post={post}
                  />
                </article>
              );
            })}
            <AddMeasureForm post={post} sheetId={sheet.id} />
          </section>
        );
      })}
      <AddNumberedForm
        kind="sheet"
        post={post}
        nextNumber={Math.max(0, ...live(structure.sheets).map((s) => s.number)) + 1}
      />
    </>
  );
}

function AdoptForm({
  slug,
  draft,
  onAdopted,
}: {
  slug: string;
  draft: RevisionDraft;
  onAdopted: (n: number) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      const adopted = await send(
        api.POST('/api/plans/{slug}/draft/adopt', {
          params: { path: { slug } },
          body: { reason, version: draft.version },
        }),
      );
      onAdopted(adopted.number);
    } catch (caught) {
      const conflict = caught instanceof ApiError && caught.status === 409;
      setError(
        conflict ? t('authoring.conflict') : caught instanceof ApiError ? caught.message : String(caught),
      );
    }
  };
  return (
    <form
      className="form"
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div role="alert">{error}</div>
      <div className="form__field">
        <label htmlFor={id}>{t('authoring.reason')}</label>
        <input
          id={id}
          value={reason}
          required
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={reason.trim() === ''}>
        {t('authoring.adopt')}
      </button>
    </form>
  );
}

function Editor({ slug, initial }: { slug: string; initial: RevisionDraft | null }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  // Posts edits and rejects with the API's refusal (the add forms show it on their fields).
  const post: Post = async (edits) => {
    if (!draft) return;
    setDraft(
      await send(
        api.POST('/api/plans/{slug}/draft/edits', {
          params: { path: { slug } },
          body: { version: draft.version, edits },
        }),
      ),
    );
    setMessage(null);
  };
  const apply: Apply = async (edits) => {
    try {
      await post(edits);
    } catch (caught) {
      const details =
        caught instanceof ApiError
          ? caught.details.map((d) => `${d.path}: ${detailText(d)}`).join(' / ')
          : '';
      setMessage(
        t('authoring.error', { details: details || (caught instanceof Error ? caught.message : '') }),
      );
    }
  };
  if (!draft)
    return (
      <p>
        {message ?? t('authoring.noDraft')}{' '}
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            void send(api.POST('/api/plans/{slug}/draft', { params: { path: { slug } } })).then(
              setDraft,
              () => {
                setMessage(t('authoring.forbidden'));
              },
            );
          }}
        >
          {t('authoring.open')}
        </button>
      </p>
    );
  return (
    <>
      <p>{t('authoring.base', { number: draft.baseNumber, version: draft.version })}</p>
      <div role="alert" className={message ? 'notice notice--error' : undefined}>
        {message}
      </div>
      <GoalsSection structure={draft.structure} apply={apply} post={post} />
      <Measures structure={draft.structure} apply={apply} post={post} />
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('authoring.pending')}</h2>
        {draft.changes.length === 0 ? (
          <p>{t('authoring.pendingNone')}</p>
        ) : (
          <ChangeList changes={draft.changes} sheets={live(draft.structure.sheets)} />
        )}
        <AdoptForm
          slug={slug}
          draft={draft}
          onAdopted={(number) => {
            setDraft(null);
            setMessage(t('authoring.adopted', { number }));
          }}
        />
      </section>
    </>
  );
}

/** `/plans/:slug/authoring`: the coordinator's editor of the draft revision (見直し案). */
export default function AuthoringPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  useDocumentTitle(t('authoring.title'));
  const { resource, reload } = useApi(`/api/plans/${slug}/draft`, async (signal) => {
    try {
      return await send(api.GET('/api/plans/{slug}/draft', { params: { path: { slug } }, signal }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) return null;
      throw caught;
    }
  });
  if (!canImport(user)) return <p>{t('authoring.forbidden')}</p>;
  return (
    <article className="authoring">
      <p>
        <Link to={planPath(slug)}>{slug}</Link> · <Link to={revisionsPath(slug)}>{t('revision.link')}</Link> ·{' '}
        <Link to={proposalsPath(slug)}>{t('proposal.link')}</Link>
      </p>
      <h1>{t('authoring.title')}</h1>
      <p>{t('authoring.lead')}</p>
      <ResourceView resource={resource} reload={reload}>
        {(draft) => <Editor key={draft?.version ?? 'none'} slug={slug} initial={draft} />}
      </ResourceView>
      <ProposalsPanel slug={slug} onAccepted={reload} />
    </article>
  );
}
