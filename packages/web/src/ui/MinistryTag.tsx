import { useI18n } from '../i18n/useI18n';
import type { ReferenceLookup } from './useReference';

/** A ministry as the documents print it (【厚】), with its full name for screen readers and on hover. */
function MinistryText({ code, reference }: { code: string; reference: ReferenceLookup }) {
  const name = reference.organisationName(code);
  if (!name) return `【${code}】`;
  return (
    <>
      <abbr title={name} aria-hidden="true">
        【{code}】
      </abbr>
      <span className="visually-hidden">{name}</span>
    </>
  );
}

/** One ministry tag, inline: the ministry of a progress bullet or a budget project. */
export function MinistryTag({ code, reference }: { code: string; reference: ReferenceLookup }) {
  return (
    <span className="tag tag--ministry">
      <MinistryText code={code} reference={reference} />
    </span>
  );
}

/** A measure's responsible ministries as a list of tags. */
export function MinistryTags({ codes, reference }: { codes: readonly string[]; reference: ReferenceLookup }) {
  const { t } = useI18n();
  if (codes.length === 0) return null;
  return (
    <ul className="tags" aria-label={t('plan.measure.ministries')}>
      {codes.map((code) => (
        <li key={code} className="tag tag--ministry">
          <MinistryText code={code} reference={reference} />
        </li>
      ))}
    </ul>
  );
}
