import { useEffect, useState } from 'react';
import type { ReportJob } from '../../api/types';
import { ApiError, api, send } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import { formatInstant } from '../../lib/instant-format';
import { useSession } from '../auth/useSession';

// How often a running job is asked where it stands.
const POLL_MS = 1000;

// The last job asked for on this plan in this browser, so coming back shows it (its file, or that it expired).
const lastJobKey = (slug: string) => `kotei.reportJob.${slug}`;
function rememberJob(slug: string, id: string | null): void {
  try {
    if (id === null) window.localStorage.removeItem(lastJobKey(slug));
    else window.localStorage.setItem(lastJobKey(slug), id);
  } catch {
    // Storage refused (private mode): the job is shown while the page stays open.
  }
}
function rememberedJob(slug: string): string | null {
  try {
    return window.localStorage.getItem(lastJobKey(slug));
  } catch {
    return null;
  }
}

/** A job whose file was deleted after its retention: 「期限切れ」, and 「再作成」 with the same paper. */
function ExpiredJob({ job, onRecreate }: { job: ReportJob; onRecreate: () => void }) {
  const { t } = useI18n();
  return (
    <p data-report-job-expired="">
      <strong className="badge">{t('report.job.expiredBadge')}</strong>{' '}
      {t('report.job.expired', { name: job.fileName ?? `${job.params.paper} PDF` })}{' '}
      <button type="button" onClick={onRecreate}>
        {t('report.job.recreate')}
      </button>
    </p>
  );
}

interface ReportJobControlProps {
  slug: string;
  roundId: string;
  /** The revision the plan is shown at (time travel): the job renders the plan as that revision fixed it. */
  revision?: number | undefined;
}

/**
 * 「PDF を作成」: renders the report as a background job on the server, shows its progress and then the
 * download link, or why it failed. Signed-in users only (the links beside it render within the request). The
 * last job is remembered in the browser: once its file is deleted after the retention it shows 「期限切れ」 and
 * 「再作成」, which renders it again with the same paper.
 */
export function ReportJobControl({ slug, roundId, revision }: ReportJobControlProps) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paper, setPaper] = useState<'A3' | 'A4'>('A3');

  const running = job !== null && (job.state === 'queued' || job.state === 'running');
  const signedIn = user !== null;
  // Coming back to the plan: the job asked for last, if it is still there and still ours to see.
  useEffect(() => {
    const id = rememberedJob(slug);
    if (!signedIn || id === null) return undefined;
    const controller = new AbortController();
    send(api.GET('/api/report-jobs/{id}', { params: { path: { id } }, signal: controller.signal }))
      .then((found) => {
        const same = found.params.roundId === roundId && found.params.revision === revision;
        if (!controller.signal.aborted && same) setJob(found);
      })
      .catch(() => {
        if (!controller.signal.aborted) rememberJob(slug, null);
      });
    return () => {
      controller.abort();
    };
  }, [slug, roundId, revision, signedIn]);

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
  const travel = revision === undefined ? {} : { revision };
  const start = async (withPaper: 'A3' | 'A4') => {
    setError(null);
    try {
      const started = await send(
        api.POST('/api/plans/{slug}/report/jobs', {
          params: { path: { slug } },
          body: { round: roundId, format: 'pdf', paper: withPaper, ...travel },
        }),
      );
      rememberJob(slug, started.id);
      setJob(started);
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
          void start(paper);
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
            {job.expiresAt && <> {t('report.job.expires', { date: formatInstant(job.expiresAt, lang) })}</>}
          </p>
        )}
        {job?.state === 'done' && job.fileExpiredAt !== null && (
          <ExpiredJob
            job={job}
            onRecreate={() => {
              setPaper(job.params.paper);
              void start(job.params.paper);
            }}
          />
        )}
      </div>
      <div role="alert">
        {job?.state === 'failed' && (
          <p className="error">{t('report.job.failed', { reason: job.error ?? '' })}</p>
        )}
        {error && <p className="error">{error}</p>}
      </div>
    </div>
  );
}
