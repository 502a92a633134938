import type { StructureChange } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';

/** The changes of a diff, grouped by sheet and measure, in the reader's language (user text rendered inert). */
export function ChangeList({
  changes,
  sheets,
}: {
  changes: StructureChange[];
  sheets: { id: string; number: number; title: string }[];
}) {
  const { t, lang } = useI18n();
  if (changes.length === 0) return <p>{t('revision.diff.none')}</p>;
  const groups = new Map<string, StructureChange[]>();
  for (const change of changes) {
    const key = change.sheetId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return (
    <div className="change-list">
      {[...groups].map(([sheetId, list]) => {
        const sheet = sheets.find((s) => s.id === sheetId);
        return (
          <section key={sheetId || 'plan'}>
            <h3 lang={CONTENT_LANG}>
              {sheet
                ? t('revision.diff.sheet', { number: String(sheet.number), title: sheet.title })
                : t('revision.diff.plan')}
            </h3>
            <ul>
              {list.map((change, i) => (
                <li key={`${change.entityId ?? 'plan'}-${change.kind}-${String(i)}`} data-kind={change.kind}>
                  <span lang={CONTENT_LANG} className="change-list__name">
                    {change.name}
                  </span>
                  {': '}
                  <span lang={lang === 'ja' ? CONTENT_LANG : undefined}>
                    {lang === 'ja' ? change.ja : change.en}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
