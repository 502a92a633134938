import { useI18n } from '../i18n/useI18n';
import type { ReferenceLookup } from './useReference';

/** A plan's policy fields as tags, named from /api/reference. */
export function PolicyFieldTags({
  codes,
  reference,
}: {
  codes: readonly string[];
  reference: ReferenceLookup;
}) {
  const { t } = useI18n();
  return (
    <ul className="tags" aria-label={t('plans.policyFields')}>
      {codes.map((code) => (
        <li key={code} className="tag tag--field">
          {reference.policyFieldName(code) ?? code}
        </li>
      ))}
    </ul>
  );
}
