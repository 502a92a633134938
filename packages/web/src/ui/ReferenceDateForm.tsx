import type { SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/useI18n';

/**
 * The reference-date form of a page that shows statuses (dashboard, timeline): it sets `?at=` and keeps every
 * other parameter, and offers a link back to the default date once one is chosen.
 */
export function ReferenceDateForm({
  referenceDate,
  hasChosenDate,
  id,
  hint,
  label,
  classes,
}: {
  referenceDate: string;
  hasChosenDate: boolean;
  /** Id of the date input; the hint takes `${id}-hint`. */
  id: string;
  hint: string;
  /** The form's accessible name, where the page has several forms. */
  label?: string;
  classes: { form: string; hint: string; row: string };
}) {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('at');
    setSearchParams((params) => {
      if (typeof value === 'string' && value !== '') params.set('at', value);
      else params.delete('at');
      return params;
    });
  };
  const withoutDate = new URLSearchParams(searchParams);
  withoutDate.delete('at');
  const resetSearch = withoutDate.toString();
  return (
    <form className={classes.form} onSubmit={onSubmit} aria-label={label}>
      <label htmlFor={id}>{t('timeline.at.label')}</label>
      <p id={`${id}-hint`} className={classes.hint}>
        {hint}
      </p>
      <div className={classes.row}>
        <input
          key={referenceDate}
          id={id}
          name="at"
          type="date"
          defaultValue={referenceDate}
          aria-describedby={`${id}-hint`}
          required
        />
        <button type="submit" className="button">
          {t('timeline.at.apply')}
        </button>
        {hasChosenDate && (
          <Link to={{ search: resetSearch ? `?${resetSearch}` : '' }}>{t('timeline.at.reset')}</Link>
        )}
      </div>
    </form>
  );
}

/** Says that an unreadable `?at=` was ignored (the page then shows the default date). */
export function InvalidReferenceDateNotice({ value }: { value: string }) {
  const { t } = useI18n();
  return (
    <p className="notice notice--error" role="alert">
      {t('timeline.at.invalid', { value })}
    </p>
  );
}
