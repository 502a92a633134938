import { Link, useSearchParams } from 'react-router';
import type { SearchHit, SearchResult } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ResourceView } from '../../ui/status';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, circledNumber, formatNumber } from '../../lib/format';
import { useReference } from '../../ui/useReference';
import { RevisionPicker, TimeTravelBanner } from '../../ui/TimeTravel';
import type { TimeTravel } from '../../ui/time-travel';
import {
  buildSearchPath,
  hitPath,
  readSearchParams,
  searchTimeTravel,
  toSearchParams,
  toSearchQuery,
  type SearchParams,
} from './search-params';
import { SEARCH_TYPE_KEY, SearchFilters } from './SearchFilters';
import './search.css';

/** Highlighted text: matched parts in <mark>, as text (never HTML). */
function Highlighted({ segments }: { segments: SearchHit['title'] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.isHit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}

function SearchForm({ params, rounds }: { params: SearchParams; rounds: SearchResult['rounds'] | null }) {
  const { t } = useI18n();
  const [, setSearchParams] = useSearchParams();
  return (
    <form
      role="search"
      className="search-form"
      aria-label={t('search.form.label')}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const read = (name: string) => {
          const value = data.get(name);
          return typeof value === 'string' ? value : '';
        };
        setSearchParams(
          toSearchParams({
            q: read('q'),
            sheet: read('sheet'),
            ministry: read('ministry'),
            type: read('type'),
            status: read('status'),
            grade: read('grade'),
            round: read('round'),
            plan: params.plan,
            revision: params.revision,
            revisionOn: params.revisionOn,
          }),
        );
      }}
    >
      <div className="search-form__query">
        <label htmlFor="search-q">{t('search.form.query')}</label>
        <div className="search-form__row">
          <input
            key={`q:${params.q}`}
            id="search-q"
            name="q"
            type="search"
            defaultValue={params.q}
            aria-describedby="search-q-hint"
          />
          <button type="submit" className="button button--primary">
            {t('search.form.submit')}
          </button>
        </div>
        <p id="search-q-hint" className="search-form__hint">
          {t('search.form.hint')}
        </p>
      </div>
      <SearchFilters params={params} rounds={rounds} />
    </form>
  );
}

function HitItem({ hit, travel }: { hit: SearchHit; travel: TimeTravel }) {
  const { t } = useI18n();
  const reference = useReference();
  return (
    <li className="search-hit" data-type={hit.type} data-sheet={hit.sheetNumber ?? undefined}>
      <p className="search-hit__meta">
        <span className={`search-type search-type--${hit.type}`}>{t(SEARCH_TYPE_KEY[hit.type])}</span>
        {hit.sheetNumber !== null && (
          <span>{t('plan.sheet.number', { number: circledNumber(hit.sheetNumber) })}</span>
        )}
        {hit.ministries.map((code) => (
          <span key={code} title={reference.organisationName(code) ?? undefined} lang={CONTENT_LANG}>
            【{code}】
          </span>
        ))}
      </p>
      <h3 className="search-hit__title" lang={CONTENT_LANG}>
        <Link to={hitPath(hit, travel)}>
          <Highlighted segments={hit.title} />
        </Link>
      </h3>
      {hit.snippet.length > 0 && (
        <p className="search-hit__snippet" lang={CONTENT_LANG}>
          <Highlighted segments={hit.snippet} />
        </p>
      )}
      <p className="search-hit__plan">
        {t('search.hit.plan')}:{' '}
        <Link to={`/plans/${encodeURIComponent(hit.planSlug)}`} lang={CONTENT_LANG}>
          {hit.planTitle}
        </Link>
      </p>
    </li>
  );
}

function Results({ result, travel }: { result: SearchResult; travel: TimeTravel }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="search-results-title" className="search-results">
      <TimeTravelBanner
        revision={result.revision}
        words={{ banner: 'search.timeTravel.banner', current: 'search.timeTravel.current' }}
      />
      <h2 id="search-results-title" className="search-results__title">
        {t('search.results.title')}
      </h2>
      <p role="status" className="search-results__total" data-total={result.total}>
        {t(result.isTotalCapped ? 'search.results.totalCapped' : 'search.results.total', {
          query: result.query,
          count: formatNumber(result.total),
        })}
        {result.hits.length < result.total &&
          ` ${t('search.results.shown', { count: formatNumber(result.hits.length) })}`}
      </p>
      {result.total === 0 ? (
        <div className="empty">
          <p>{t('search.results.none', { query: result.query })}</p>
          <p>{t('search.results.noneHint')}</p>
        </div>
      ) : (
        <ol className="search-hits">
          {result.hits.map((hit) => (
            <HitItem key={`${hit.type}:${hit.id}`} hit={hit} travel={travel} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** The form with the rounds the results offer, then the results. */
function SearchWithResults({ params }: { params: SearchParams }) {
  const { resource, reload } = useApi(buildSearchPath(params, '/api/search'), (signal) =>
    send(api.GET('/api/search', { params: { query: toSearchQuery(params) }, signal })),
  );
  return (
    <>
      <SearchForm params={params} rounds={resource.status === 'success' ? resource.data.rounds : null} />
      <ResourceView resource={resource} reload={reload}>
        {(result) => <Results result={result} travel={searchTimeTravel(params)} />}
      </ResourceView>
    </>
  );
}

/**
 * `/search?q=…&sheet=&ministry=&type=&status=&round=`, and with `plan=` a past revision (`revision=` /
 * `revisionOn=`, the plan pages' picker): hits with their matched words marked; every filter in the address. */
export default function SearchPage() {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const params = readSearchParams(searchParams);
  useDocumentTitle(params.q ? t('search.docTitle', { query: params.q }) : t('search.title'));
  return (
    <div className="search-page">
      <h1>{t('search.title')}</h1>
      {params.plan !== '' && <RevisionPicker slug={params.plan} />}
      {params.q === '' ? (
        <>
          <SearchForm params={params} rounds={null} />
          <p className="empty">{t('search.empty')}</p>
        </>
      ) : (
        <SearchWithResults params={params} />
      )}
    </div>
  );
}
