import { ORGANISATIONS } from '@kotei/domain/codes';
import { ABNF_GRADES, PROGRESS_STATUSES } from '@kotei/domain/status';
import { gradeKey } from '../../ui/StatusMethod';
import type { SearchHit, SearchResult } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { formatDate } from '../../lib/date-format';
import { CONTENT_LANG, circledNumber } from '../../lib/format';
import { progressStatusKey } from '../../ui/progress-status';
import { useReference } from '../../ui/useReference';
import { SEARCH_FILTER_TYPES, type SearchParams } from './search-params';

/** The catalogue key of a kind of hit. */
export const SEARCH_TYPE_KEY: Record<SearchHit['type'], MessageKey> = {
  measure: 'search.type.measure',
  kpi: 'search.type.kpi',
  progress: 'search.type.progress',
  project: 'search.type.project',
  evaluation: 'search.type.evaluation',
};

const SHEET_NUMBERS = Array.from({ length: 20 }, (_, index) => index + 1);

/** The filters of the search form: kind, sheet, ministry, status and round, each set from the address. */
export function SearchFilters({
  params,
  rounds,
}: {
  params: SearchParams;
  rounds: SearchResult['rounds'] | null;
}) {
  const { t, lang } = useI18n();
  const reference = useReference();
  return (
    <fieldset className="search-form__filters">
      <legend>{t('search.filters.legend')}</legend>
      <div>
        <label htmlFor="search-type">{t('search.filters.type')}</label>
        <select id="search-type" name="type" key={`type:${params.type}`} defaultValue={params.type}>
          <option value="">{t('search.filters.all')}</option>
          {SEARCH_FILTER_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(SEARCH_TYPE_KEY[type])}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-sheet">{t('search.filters.sheet')}</label>
        <select id="search-sheet" name="sheet" key={`sheet:${params.sheet}`} defaultValue={params.sheet}>
          <option value="">{t('search.filters.all')}</option>
          {SHEET_NUMBERS.map((number) => (
            <option key={number} value={String(number)}>
              {t('plan.sheet.number', { number: circledNumber(number) })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-ministry">{t('search.filters.ministry')}</label>
        <select
          id="search-ministry"
          name="ministry"
          key={`ministry:${params.ministry}`}
          defaultValue={params.ministry}
        >
          <option value="">{t('search.filters.all')}</option>
          {ORGANISATIONS.map(({ code }) => (
            <option key={code} value={code} lang={lang === 'en' ? undefined : CONTENT_LANG}>
              【{code}】{reference.organisationName(code) ?? ''}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-status">{t('search.filters.status')}</label>
        <select
          id="search-status"
          name="status"
          key={`status:${params.status}`}
          defaultValue={params.status}
          aria-describedby="search-status-hint"
        >
          <option value="">{t('search.filters.all')}</option>
          {PROGRESS_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(progressStatusKey(status))}
            </option>
          ))}
        </select>
        <p id="search-status-hint" className="search-form__hint">
          {t('search.filters.statusHint')}
        </p>
      </div>
      <div>
        <label htmlFor="search-grade">{t('abnf.search.grade')}</label>
        <select
          id="search-grade"
          name="grade"
          key={`grade:${params.grade}`}
          defaultValue={params.grade}
          aria-describedby="search-grade-hint"
        >
          <option value="">{t('search.filters.all')}</option>
          {ABNF_GRADES.map((grade) => (
            <option key={grade} value={grade}>
              {t(gradeKey(grade))}
            </option>
          ))}
        </select>
        <p id="search-grade-hint" className="search-form__hint">
          {t('abnf.search.gradeHint')}
        </p>
      </div>
      <div>
        <label htmlFor="search-round">{t('search.filters.round')}</label>
        <select
          id="search-round"
          name="round"
          key={`round:${params.round}:${rounds === null ? 'loading' : 'loaded'}`}
          defaultValue={params.round}
        >
          <option value="">{t('search.filters.all')}</option>
          {rounds === null
            ? params.round !== '' && <option value={params.round}>{t('search.filters.roundChosen')}</option>
            : rounds.map((round) => (
                <option key={round.id} value={round.id} lang={CONTENT_LANG}>
                  {round.title}（{formatDate(round.asOfDate, lang)}）
                  {new Set(rounds.map((r) => r.planSlug)).size > 1 && ` — ${round.planTitle}`}
                </option>
              ))}
        </select>
      </div>
    </fieldset>
  );
}
