import { useId, useState, type SubmitEvent } from 'react';
import { ApiError, api, send } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { signInErrorOf, type Message } from '../auth/sign-in-error';

// The server's minimum (the contract's MIN_PASSWORD_LENGTH), checked here first to say so before sending.
const MIN_LENGTH = 12;

type Field = 'current' | 'new' | 'confirm';

function failureOf(error: unknown): { message: MessageKey; field: Field | null } {
  if (error instanceof ApiError) {
    if (error.code === 'wrong_password') return { message: 'account.password.error.wrong', field: 'current' };
    if (error.code === 'password_unchanged')
      return { message: 'account.password.error.unchanged', field: 'new' };
    if (error.details.some((d) => d.path === 'newPassword')) {
      return { message: 'account.password.error.short', field: 'new' };
    }
  }
  return { message: 'account.password.error.generic', field: null };
}

/** Change the password: current, new and again; errors name their field and are announced. */
export function PasswordSection() {
  const { t, lang } = useI18n();
  const headingId = useId();
  const errorId = useId();
  const ids = { current: useId(), new: useId(), confirm: useId() };
  const [values, setValues] = useState({ current: '', new: '', confirm: '' });
  const [error, setError] = useState<{ message: Message; field: Field | null } | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);

  function check(): { message: Message; field: Field } | null {
    if (values.current === '') return { message: { key: 'account.password.error.wrong' }, field: 'current' };
    if (values.new.length < MIN_LENGTH) {
      return { message: { key: 'account.password.error.short', params: { min: MIN_LENGTH } }, field: 'new' };
    }
    if (values.confirm !== values.new)
      return { message: { key: 'account.password.error.mismatch' }, field: 'confirm' };
    return null;
  }

  async function submit(): Promise<void> {
    setIsDone(false);
    const invalid = check();
    setError(invalid);
    if (invalid) return;
    setIsSubmitting(true);
    try {
      await send(
        api.POST('/api/auth/password', {
          body: { currentPassword: values.current, newPassword: values.new },
        }),
      );
      setValues({ current: '', new: '', confirm: '' });
      setIsDone(true);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 429 || caught.status === 503)) {
        setError({ message: signInErrorOf(caught, lang, Date.now(), t), field: 'current' });
      } else {
        const failure = failureOf(caught);
        setError({ message: { key: failure.message, params: { min: MIN_LENGTH } }, field: failure.field });
      }
    } finally {
      setIsSubmitting(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit();
  }

  const fields: { field: Field; label: string; autoComplete: string }[] = [
    { field: 'current', label: t('account.password.current'), autoComplete: 'current-password' },
    { field: 'new', label: t('account.password.new', { min: MIN_LENGTH }), autoComplete: 'new-password' },
    { field: 'confirm', label: t('account.password.confirm'), autoComplete: 'new-password' },
  ];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.password.title')}</h2>
      <p>{t('account.password.lead')}</p>
      <div id={errorId} role="alert" className={error ? 'notice notice--error' : undefined}>
        {error && t(error.message.key, error.message.params)}
      </div>
      <div role="status" className={isDone ? 'notice' : undefined}>
        {isDone && t('account.password.done')}
      </div>
      <form className="form" onSubmit={onSubmit} noValidate>
        {fields.map(({ field, label, autoComplete }) => (
          <div className="form__field" key={field}>
            <label htmlFor={ids[field]}>{label}</label>
            <input
              id={ids[field]}
              type="password"
              autoComplete={autoComplete}
              required
              aria-invalid={error?.field === field ? true : undefined}
              aria-describedby={error?.field === field ? errorId : undefined}
              value={values[field]}
              onChange={(event) => {
                setValues((current) => ({ ...current, [field]: event.target.value }));
              }}
            />
          </div>
        ))}
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('account.password.submitting') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}
