import { useId } from 'react';
import type { ActualFlag, RoundPart } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { formatNumber } from '../../lib/format';
import { PHASE_STATES, type ActualDraft, type PartDraft, type PhaseDraft } from './part-model';

/** Moves focus to the element with `id` once React has drawn it (a field just added, say). */
function focusSoon(id: string): void {
  requestAnimationFrame(() => {
    document.getElementById(id)?.focus();
  });
}

/** Focuses the first element matching `selector` once React has drawn it. */
function focusSoonAt(selector: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(selector)?.focus();
  });
}

interface FieldsProps {
  part: RoundPart;
  draft: PartDraft;
  onChange: (update: (draft: PartDraft) => PartDraft) => void;
  /** Paths the last check or answer found wrong (`actuals[0].note`), and the id of the message about them. */
  invalid: ReadonlySet<string>;
  errorId: string;
}

/** The 進捗状況 bullets: one textarea each, added and removed by buttons. */
export function BulletFields({ draft, onChange }: Pick<FieldsProps, 'draft' | 'onChange'>) {
  const { t } = useI18n();
  const baseId = useId();
  return (
    <fieldset className="round-fieldset">
      <legend>{t('round.part.bullets')}</legend>
      {draft.bullets.map((bullet, index) => (
        <div className="form__field round-row" key={index}>
          <label htmlFor={`${baseId}-${index}`}>{t('round.part.bullet', { n: index + 1 })}</label>
          <textarea
            id={`${baseId}-${index}`}
            rows={2}
            value={bullet}
            onChange={(event) => {
              const text = event.target.value;
              onChange((d) => ({ ...d, bullets: d.bullets.map((b, i) => (i === index ? text : b)) }));
            }}
          />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              onChange((d) => ({ ...d, bullets: d.bullets.filter((_, i) => i !== index) }));
              focusSoon(`${baseId}-add`);
            }}
          >
            {t('round.part.removeBullet', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        id={`${baseId}-add`}
        className="button"
        onClick={() => {
          onChange((d) => ({ ...d, bullets: [...d.bullets, ''] }));
          focusSoon(`${baseId}-${draft.bullets.length}`);
        }}
      >
        {t('round.part.addBullet')}
      </button>
    </fieldset>
  );
}

function FlagList({ flags, id }: { flags: ActualFlag[]; id: string }) {
  const { t } = useI18n();
  if (flags.length === 0) return null;
  return (
    <div id={id} className="round-flags" data-flags={flags.length}>
      <p className="round-flags__title">{t('round.part.flagged')}</p>
      <ul>
        {flags.map((flag) => (
          <li key={flag.code}>
            <span lang="ja">{flag.message.ja}</span> / <span lang="en">{flag.message.en}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ActualRow({ part, draft, onChange, invalid, errorId, index }: FieldsProps & { index: number }) {
  const { t } = useI18n();
  const id = useId();
  const actual = draft.actuals[index] as ActualDraft;
  const saved = part.actuals[index];
  const flags =
    saved && saved.kpiId === actual.kpiId && Number(actual.value.replaceAll(',', '')) === saved.value
      ? saved.flags
      : [];
  const kpi = part.kpis.find((k) => k.id === actual.kpiId);
  const set = (field: keyof ActualDraft, value: string) => {
    onChange((d) => ({
      ...d,
      actuals: d.actuals.map((a, i) => (i === index ? { ...a, [field]: value } : a)),
    }));
  };
  const described = (field: string, extra: string | null = null) => {
    const ids = [invalid.has(`actuals[${index}].${field}`) ? errorId : null, extra].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  const isInvalid = (field: string) => (invalid.has(`actuals[${index}].${field}`) ? true : undefined);
  const noteNeeded = flags.length > 0 && actual.note.trim() === '';
  const text = (field: 'unit' | 'period' | 'sourceNote', label: string) => (
    <div className="form__field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        value={actual[field]}
        aria-invalid={isInvalid(field)}
        aria-describedby={described(field, field === 'unit' || field === 'period' ? `${id}-flags` : null)}
        onChange={(event) => {
          set(field, event.target.value);
        }}
      />
    </div>
  );
  return (
    <fieldset className="round-fieldset round-actual" data-actual-index={index}>
      <legend>{t('round.part.actual', { n: index + 1 })}</legend>
      <div className="form__field">
        <label htmlFor={`${id}-kpi`}>{t('round.part.kpi')}</label>
        <select
          id={`${id}-kpi`}
          value={actual.kpiId}
          aria-invalid={isInvalid('kpiId')}
          aria-describedby={described('kpiId', `${id}-last`)}
          onChange={(event) => {
            set('kpiId', event.target.value);
          }}
        >
          <option value="">{t('round.part.chooseKpi')}</option>
          {part.kpis.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
        <p id={`${id}-last`} className="form__hint">
          {kpi?.lastActual
            ? t('round.part.lastValue', {
                value: formatNumber(kpi.lastActual.value),
                unit: kpi.unit,
                period: kpi.lastActual.period.label,
              })
            : t('round.part.noLastValue')}
        </p>
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-value`}>{t('round.part.value')}</label>
        <input
          id={`${id}-value`}
          inputMode="decimal"
          value={actual.value}
          aria-invalid={isInvalid('value') ?? (flags.some((f) => f.field === 'value') ? true : undefined)}
          aria-describedby={described('value', flags.length > 0 ? `${id}-flags` : null)}
          onChange={(event) => {
            set('value', event.target.value);
          }}
        />
      </div>
      <FlagList flags={flags} id={`${id}-flags`} />
      {text('unit', t('round.part.unit', { unit: kpi?.unit ?? '' }))}
      {text('period', t('round.part.period'))}
      {text('sourceNote', t('round.part.source'))}
      <div className="form__field">
        <label htmlFor={`${id}-note`}>
          {t('round.part.note')}
          {flags.length > 0 && <span className="round-required"> {t('round.part.noteRequired')}</span>}
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={actual.note}
          required={flags.length > 0}
          aria-invalid={isInvalid('note') ?? (noteNeeded ? true : undefined)}
          aria-describedby={described('note', flags.length > 0 ? `${id}-flags` : null)}
          onChange={(event) => {
            set('note', event.target.value);
          }}
        />
      </div>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          onChange((d) => ({ ...d, actuals: d.actuals.filter((_, i) => i !== index) }));
          focusSoonAt('[data-add-actual]');
        }}
      >
        {t('round.part.removeActual', { n: index + 1 })}
      </button>
    </fieldset>
  );
}

/** The KPI actuals: each with its KPI, value, unit, period as written, source and note, and its flags. */
export function ActualFields(props: FieldsProps) {
  const { t } = useI18n();
  const { draft, onChange, part } = props;
  return (
    <fieldset className="round-fieldset">
      <legend>{t('round.part.actuals')}</legend>
      {draft.actuals.map((_, index) => (
        <ActualRow key={index} {...props} index={index} />
      ))}
      <button
        type="button"
        className="button"
        data-add-actual=""
        disabled={part.kpis.length === 0}
        onClick={() => {
          const blank = {
            kpiId: part.kpis[0]?.id ?? '',
            value: '',
            unit: '',
            period: '',
            sourceNote: '',
            note: '',
          };
          onChange((d) => ({ ...d, actuals: [...d.actuals, blank] }));
          focusSoonAt(`[data-actual-index="${String(draft.actuals.length)}"] select`);
        }}
      >
        {t('round.part.addActual')}
      </button>
    </fieldset>
  );
}

/** Each phase of the measure's schedule with a state and a note. */
export function PhaseFields({ part, draft, onChange }: Pick<FieldsProps, 'part' | 'draft' | 'onChange'>) {
  const { t } = useI18n();
  const baseId = useId();
  const set = (phaseId: string, change: Partial<PhaseDraft>) => {
    onChange((d) => {
      const current = d.phases[phaseId] ?? { state: '', note: '' };
      return { ...d, phases: { ...d.phases, [phaseId]: { ...current, ...change } } };
    });
  };
  return (
    <fieldset className="round-fieldset">
      <legend>{t('round.part.phases')}</legend>
      {part.schedule.length === 0 && <p>{t('round.part.noPhases')}</p>}
      {part.schedule.map((phase, index) => {
        const value = draft.phases[phase.id] ?? { state: '', note: '' };
        const id = `${baseId}-${index}`;
        return (
          <div className="round-phase" key={phase.id} data-phase-id={phase.id}>
            <p className="round-phase__text" id={`${id}-text`}>
              {phase.text} <span className="round-phase__period">（{phase.period.label}）</span>
            </p>
            <div className="form__field">
              <label htmlFor={`${id}-state`}>{t('round.part.phaseState', { n: index + 1 })}</label>
              <select
                id={`${id}-state`}
                value={value.state}
                aria-describedby={`${id}-text`}
                onChange={(event) => {
                  set(phase.id, { state: event.target.value as PhaseDraft['state'] });
                }}
              >
                <option value="">{t('round.part.phaseUnset')}</option>
                {PHASE_STATES.map((state) => (
                  <option key={state} value={state}>
                    {t(`phase.status.${state}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form__field">
              <label htmlFor={`${id}-note`}>{t('round.part.phaseNote', { n: index + 1 })}</label>
              <input
                id={`${id}-note`}
                value={value.note}
                onChange={(event) => {
                  set(phase.id, { note: event.target.value });
                }}
              />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
