import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';
import type { Resource } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';

/** Shown while a page's data is on its way; announced politely. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="status status--loading">
      {t('common.loading')}
    </p>
  );
}

/** Shown when a page's data could not be loaded, with the error code and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice notice--error">
      <p>{t('common.loadError')}</p>
      <p className="notice__detail">{t('common.errorCode', { code: error.code })}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** What a page shows for an answer of "no such thing" (a plan's slug no plan has, say). */
interface NotFound {
  /** Whether an error means "not found"; by default a 404. */
  when?: (error: ApiError) => boolean;
  view: ReactNode;
}

/**
 * The one switch of a page's data: loading, not found, an error with a retry, or the data. With `back`, an
 * error fills the page (its own heading and a way back); without, it stands in the data's place.
 */
export function ResourceView<T>({
  resource,
  reload,
  notFound,
  back,
  children,
}: {
  resource: Resource<T>;
  reload: () => void;
  notFound?: NotFound;
  back?: { to: string; label: string };
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (resource.status === 'success') return children(resource.data);
  if (resource.status === 'loading') return <Loading />;
  const { error } = resource;
  if (notFound && (notFound.when ?? isNotFound)(error)) return notFound.view;
  if (!back) return <LoadError error={error} onRetry={reload} />;
  return (
    <>
      <h1>{t('common.loadError')}</h1>
      <LoadError error={error} onRetry={reload} />
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </>
  );
}

function isNotFound(error: ApiError): boolean {
  return error.status === 404;
}
