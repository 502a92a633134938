import { useI18n } from '../i18n/useI18n';

/** Marks demonstration data in words, so nobody mistakes it for an official record. */
export function SampleBadge() {
  const { t } = useI18n();
  return <span className="badge badge--sample">{t('common.sampleBadge')}</span>;
}

/** The notice every page of a sample plan shows under its title. */
export function SampleNotice() {
  const { t } = useI18n();
  return (
    <p className="notice notice--sample">
      <SampleBadge /> {t('common.sampleNotice')}
    </p>
  );
}
