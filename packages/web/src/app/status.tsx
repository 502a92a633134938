import type { ApiError } from '../api/client';
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
