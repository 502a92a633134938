import { useId, useState } from 'react';
import { ApiError } from '../../api/client';
import type { RoundPart } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { decidePart, type PartWrite } from './part-save';

interface DecisionProps {
  part: RoundPart;
  address: { slug: string; roundId: string; partId: string };
  /** Saves pending edits first; resolves to the part to decide on (null when it could not be saved). */
  saveFirst: () => Promise<RoundPart | null>;
  onDone: (write: PartWrite, message: string) => void;
  /** A refusal: its message and the fields it names (`actuals[0].note`). */
  onRefused: (message: string, paths: string[]) => void;
}

/** Submit (the reporter), and return with a required reason or approve (the coordinator). */
export function PartDecisions({ part, address, saveFirst, onDone, onRefused }: DecisionProps) {
  const { t } = useI18n();
  const reasonId = useId();
  const reasonErrorId = useId();
  const [reason, setReason] = useState('');
  const [isReasonMissing, setIsReasonMissing] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const maySubmit = part.mayEdit && ['not_started', 'draft', 'returned'].includes(part.state);
  const mayDecide = part.mayDecide && part.state === 'submitted';
  if (!maySubmit && !mayDecide) return null;

  async function decide(action: 'submit' | 'return' | 'approve'): Promise<void> {
    if (action === 'return' && reason.trim() === '') {
      setIsReasonMissing(true);
      onRefused(t('round.part.error.reason'), []);
      return;
    }
    setIsReasonMissing(false);
    setIsBusy(true);
    try {
      const base = action === 'submit' ? await saveFirst() : part;
      if (!base) return;
      const write = await decidePart(
        address,
        action,
        base.version,
        action === 'return' ? reason.trim() : undefined,
      );
      if (action === 'return') setReason('');
      onDone(write, t(`round.part.done.${action}`));
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : null;
      const message =
        error?.code === 'flags_without_note'
          ? t('round.part.error.flagsWithoutNote')
          : error?.code === 'forbidden' || error?.status === 403
            ? t('round.error.forbidden')
            : t('round.error.generic');
      onRefused(message, error?.details.map((d) => d.path) ?? []);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="round-decisions">
      {maySubmit && (
        <button
          type="button"
          className="button button--primary"
          disabled={isBusy}
          onClick={() => {
            void decide('submit');
          }}
        >
          {t('round.part.submit')}
        </button>
      )}
      {mayDecide && (
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={isBusy}
            onClick={() => {
              void decide('approve');
            }}
          >
            {t('round.part.approve')}
          </button>
          <div className="form__field">
            <label htmlFor={reasonId}>{t('round.part.returnReason')}</label>
            <textarea
              id={reasonId}
              rows={2}
              required
              value={reason}
              aria-invalid={isReasonMissing ? true : undefined}
              aria-describedby={isReasonMissing ? reasonErrorId : undefined}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
            {isReasonMissing && (
              <p id={reasonErrorId} className="round-field-error">
                {t('round.part.error.reason')}
              </p>
            )}
          </div>
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={() => {
              void decide('return');
            }}
          >
            {t('round.part.return')}
          </button>
        </>
      )}
    </div>
  );
}
