import { useId, useState } from 'react';
import type { OverallEvaluation, Round } from '../../api/types';
import { api, send } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { CONTENT_LANG } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { japanDateOf } from './evaluation-model';
import { changeErrorKey } from './change-error';

/** The compiled text as paragraphs: written by people, rendered as text, never as HTML. */
function OverallText({ overall }: { overall: OverallEvaluation }) {
  const { t, lang } = useI18n();
  const date = japanDateOf(overall.updatedAt);
  return (
    <div className="overall-evaluation" data-testid="overall-evaluation">
      {overall.text
        .split(/\n+/)
        .filter((line) => line.trim() !== '')
        .map((line, index) => (
          <p key={index} lang={CONTENT_LANG}>
            {line}
          </p>
        ))}
      <p className="overall-evaluation__meta">
        {t('evaluation.overall.updated', {
          who: overall.updatedBy.displayName,
          date: formatDate(date, lang),
        })}
      </p>
    </div>
  );
}

/**
 * The round's overall evaluation (有識者による総合評価) compiled by the coordinating office: shown to whoever sees
 * the round's evaluations (the public once published); the coordinating office edits it until publication.
 */
export function OverallEvaluationPanel({
  slug,
  round,
  overall,
  canCompile,
  onSaved,
}: {
  slug: string;
  round: Round;
  overall: OverallEvaluation | null;
  canCompile: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(overall?.text ?? '');
  const [message, setMessage] = useState<{ key: MessageKey; isError: boolean } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isEditable = canCompile && round.state !== 'published';

  const save = async () => {
    if (isBusy) return;
    setIsBusy(true);
    setMessage(null);
    try {
      await send(
        api.PUT('/api/plans/{slug}/rounds/{roundId}/overall-evaluation', {
          params: { path: { slug, roundId: round.id } },
          body: { version: overall?.version ?? 0, text },
        }),
      );
      setMessage({ key: 'evaluation.overall.saved', isError: false });
      onSaved();
    } catch (caught) {
      const key = changeErrorKey(caught);
      setMessage({ key, isError: true });
      // Someone saved first: their text shows above once read again; the text typed here stays to merge.
      if (key === 'evaluation.error.stale') onSaved();
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="overall-evaluation-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('evaluation.overall.title')}</h3>
      {overall === null ? (
        <p className="evaluation-empty">{t('evaluation.overall.empty')}</p>
      ) : (
        <OverallText overall={overall} />
      )}
      {isEditable && (
        <form
          className="evaluation-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="form__field">
            <label htmlFor={`${id}-text`}>{t('evaluation.overall.label')}</label>
            <p id={`${id}-hint`} className="evaluation-form__hint">
              {t('evaluation.overall.hint')}
            </p>
            <textarea
              id={`${id}-text`}
              rows={8}
              maxLength={20000}
              value={text}
              aria-describedby={`${id}-hint`}
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('evaluation.overall.save')}
          </button>
        </form>
      )}
      {message?.isError === true && (
        <p role="alert" className="notice notice--error">
          {t(message.key)}
        </p>
      )}
      <p role="status">{message?.isError === false && t(message.key)}</p>
    </section>
  );
}
