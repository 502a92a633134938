import { useEffect, useState } from 'react';
import type { ReportJob } from '../../api/types';
import { ApiError, api, send } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import { useSession } from '../auth/useSession';

// How often a running job is asked where it stands.
const POLL_MS = 1000;

/**
 * 「PDF を作成」: renders the report as a background job on the server, shows its progress and then the
 * download link, or why it failed. Signed-in users only (the links beside it render within the request).
 */
export function ReportJobControl({ slug, roundId }: { slug: string; roundId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paper, setPaper] = useState<'A3' | 'A4'>('A3');

  const running = job !== null && (job.state === 'queued' || job.state === 'running');
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => {
      send(api.GET('/api/report-jobs/{id}', { params: { path: { id: job.id } } }))
        .then(setJob)
        .catch((caught: unknown) => {
          setError(caught instanceof Error ? caught.message : String(caught));
        });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [job, running]);

  if (!user) return null;
  const start = async () => {
    setError(null);
    try {
      setJob(
        await send(
          api.POST('/api/plans/{slug}/report/jobs', {
            params: { path: { slug } },
            body: { round: roundId, format: 'pdf', paper },
          }),
        ),
      );
    } catch (caught) {
      setError(caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <div className="report-job">
      <label>
        {t('report.job.paper')}{' '}
        <select
          value={paper}
          onChange={(event) => {
            setPaper(event.target.value === 'A4' ? 'A4' : 'A3');
          }}
          disabled={running}
        >
          <option value="A3">A3</option>
          <option value="A4">A4</option>
        </select>
      </label>{' '}
      <button
        type="button"
        disabled={running}
        onClick={() => {
          void start();
        }}
      >
        {t('report.job.start')}
      </button>
      <div role="status" aria-live="polite">
        {job && running && (
          <p>
            <progress max={100} value={job.progress} aria-label={t('report.job.progress')} />{' '}
            {t('report.job.running', { progress: job.progress, step: job.step })}
          </p>
        )}
        {job?.state === 'done' && job.fileUrl && (
          <p>
            <a href={job.fileUrl} download={job.fileName ?? undefined}>
              {t('report.job.download', { name: job.fileName ?? 'report.pdf' })}
            </a>
          </p>
        )}
        {job?.state === 'failed' && (
          <p className="error">{t('report.job.failed', { reason: job.error ?? '' })}</p>
        )}
        {error && <p className="error">{error}</p>}
      </div>
    </div>
  );
}
