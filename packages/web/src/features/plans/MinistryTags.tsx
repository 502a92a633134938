import { useI18n } from '../../i18n/useI18n';
import type { ReferenceLookup } from './useReference';

/** Responsible ministries as the documents print them (【厚】), with the full name for every reader. */
export function MinistryTags({ codes, reference }: { codes: readonly string[]; reference: ReferenceLookup }) {
  const { t } = useI18n();
  if (codes.length === 0) return null;
  return (
    <ul className="tags" aria-label={t('plan.measure.ministries')}>
      {codes.map((code) => {
        const name = reference.organisationName(code);
        return (
          <li key={code} className="tag tag--ministry">
            {name ? (
              <>
                <abbr title={name} aria-hidden="true">
                  【{code}】
                </abbr>
                <span className="visually-hidden">{name}</span>
              </>
            ) : (
              `【${code}】`
            )}
          </li>
        );
      })}
    </ul>
  );
}
