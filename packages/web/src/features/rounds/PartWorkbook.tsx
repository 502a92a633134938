import { useId, useState } from 'react';
import { api, ApiError, send } from '../../api/client';
import type { RoundPart } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { bytesToBase64 } from '../../lib/base64';

interface Address {
  slug: string;
  roundId: string;
  partId: string;
}

/** Where a part's workbook is downloaded (a plain link: the session's cookie goes along). */
export function partWorkbookUrl({ slug, roundId, partId }: Address): string {
  return `/api/plans/${encodeURIComponent(slug)}/rounds/${roundId}/parts/${partId}/workbook`;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'refused'; code: string; details: { path: string; message: string }[] };

/**
 * A part as an Excel workbook: download it, fill it offline, upload it into the draft. The server saves it as
 * the form's save does; a refusal lists every cell it names (worksheet!cell and why).
 */
export function PartWorkbook({
  address,
  mayUpload,
  onUploaded,
}: {
  address: Address;
  mayUpload: boolean;
  onUploaded: (part: RoundPart) => void;
}) {
  const { t } = useI18n();
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  async function upload(file: File): Promise<void> {
    setOutcome({ kind: 'busy' });
    try {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const part = await send(
        api.POST('/api/plans/{slug}/rounds/{roundId}/parts/{partId}/workbook', {
          params: { path: address },
          body: { contentBase64 },
        }),
      );
      setOutcome({ kind: 'done' });
      onUploaded(part);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'file_unreadable', String(caught));
      setOutcome({ kind: 'refused', code: error.code, details: [...error.details] });
    }
  }

  const refusal = (code: string): string => {
    switch (code) {
      case 'workbook_invalid':
        return t('round.workbook.invalid');
      case 'workbook_wrong_part':
        return t('round.workbook.wrongPart');
      case 'stale_version':
        return t('round.workbook.stale');
      case 'part_locked':
        return t('round.workbook.locked');
      default:
        return t('round.workbook.failed', { code });
    }
  };

  return (
    <section className="round-workbook" aria-label={t('round.workbook.title')}>
      <a className="button" href={partWorkbookUrl(address)} download data-workbook-download="">
        {t('round.workbook.download')}
      </a>
      {mayUpload && (
        <span className="round-workbook__upload">
          <label htmlFor={inputId}>{t('round.workbook.upload')}</label>{' '}
          <input
            id={inputId}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={outcome.kind === 'busy'}
            data-workbook-upload=""
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
        </span>
      )}
      <div role="status">
        {outcome.kind === 'busy' && <p>{t('round.workbook.busy')}</p>}
        {outcome.kind === 'done' && <p className="notice">{t('round.workbook.done')}</p>}
      </div>
      {outcome.kind === 'refused' && (
        <div role="alert" className="notice notice--error" data-workbook-error={outcome.code}>
          <p>{refusal(outcome.code)}</p>
          {outcome.details.length > 0 && (
            <ul>
              {outcome.details.map((detail) => (
                <li key={`${detail.path} ${detail.message}`}>
                  <code>{detail.path}</code> {detail.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
