import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, send } from '../api/client';
import type { RevisionShown } from '../api/types';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import type { MessageKey } from '../i18n/ja';
import { CONTENT_LANG } from '../lib/format';
import { japanDateOf, japaneseDate, readTimeTravel, withTimeTravel } from './time-travel';

/**
 * 「表示する版」: 最新, 第N版（理由, 日付）, or 日付指定 (the revision in force on a date), kept in the address
 * (?revision= / ?revisionOn=) so that the view can be linked and reloaded.
 */
export function RevisionPicker({ slug }: { slug: string }) {
  const { t } = useI18n();
  const ids = { select: useId(), date: useId() };
  const [search, setSearch] = useSearchParams();
  const choice = readTimeTravel(search);
  const byDate = search.has('revisionOn') || search.get('revision') === 'date';
  const { resource } = useApi(`/api/plans/${slug}/revisions`, (signal) =>
    send(api.GET('/api/plans/{slug}/revisions', { params: { path: { slug } }, signal })),
  );
  if (resource.status !== 'success' || resource.data.revisions.length < 2) return null;
  const value = byDate ? 'date' : choice.revision !== undefined ? String(choice.revision) : 'latest';
  return (
    <p className="time-travel-picker">
      <label htmlFor={ids.select}>{t('timeTravel.label')}</label>{' '}
      <select
        id={ids.select}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'date') {
            const next = withTimeTravel(search, {});
            next.set('revision', 'date');
            setSearch(next);
          } else setSearch(withTimeTravel(search, v === 'latest' ? {} : { revision: Number(v) }));
        }}
      >
        <option value="latest">{t('timeTravel.latest')}</option>
        {resource.data.revisions.map((r) => (
          <option key={r.number} value={r.number}>
            {t('timeTravel.option', {
              number: r.number,
              reason: r.reason,
              date: japaneseDate(japanDateOf(r.createdAt)),
            })}
          </option>
        ))}
        <option value="date">{t('timeTravel.byDate')}</option>
      </select>
      {byDate && (
        <>
          {' '}
          <label htmlFor={ids.date}>{t('timeTravel.date')}</label>{' '}
          <input
            id={ids.date}
            type="date"
            value={choice.revisionOn ?? ''}
            onChange={(e) => {
              if (e.target.value !== '') setSearch(withTimeTravel(search, { revisionOn: e.target.value }));
            }}
          />
        </>
      )}
    </p>
  );
}

/**
 * 「第N版（YYYY年M月D日採択）の計画を表示しています」 with a link back to the current plan; a page that does
 * something else with the old plan (search) gives its own words.
 */
export function TimeTravelBanner({
  revision,
  words = { banner: 'timeTravel.banner', current: 'revision.timeTravel.current' },
}: {
  revision: RevisionShown | null | undefined;
  words?: { banner: MessageKey; current: MessageKey };
}) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  if (!revision) return null;
  const current = withTimeTravel(search, {}).toString();
  return (
    <p className="notice time-travel-banner" role="status" data-revision={revision.number}>
      <span lang={CONTENT_LANG}>
        {t(words.banner, {
          number: revision.number,
          date: japaneseDate(japanDateOf(revision.adoptedAt)),
          reason: revision.reason,
          latest: revision.latest,
        })}
      </span>{' '}
      <Link to={{ search: current === '' ? '' : `?${current}` }}>{t(words.current)}</Link>
    </p>
  );
}
