import type { ReferenceLookup } from '../plans/useReference';

/** One ministry tag as the documents print it (【厚】), with its full name for screen readers and on hover. */
export function MinistryTag({ code, reference }: { code: string; reference: ReferenceLookup }) {
  const name = reference.organisationName(code);
  return (
    <span className="tag tag--ministry">
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
    </span>
  );
}
