import { useId, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { signInErrorOf, type Message } from './sign-in-error';
import { useSession } from './useSession';

/** `/signin`: login ID and password; errors are announced, success goes to the plan list. */
export function SignInPage() {
  const { t, lang } = useI18n();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorId = useId();
  const loginId = useId();
  const passwordId = useId();
  useDocumentTitle(t('auth.form.title'));

  async function submit(): Promise<void> {
    if (login.trim() === '' || password === '') {
      setError({ key: 'auth.error.missing' });
      return;
    }
    setIsSubmitting(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
      void navigate('/');
    } catch (caught) {
      setError(signInErrorOf(caught, lang, Date.now(), t));
      setPassword('');
    } finally {
      setIsSubmitting(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit();
  }

  const describedBy = error ? errorId : undefined;

  return (
    <div className="signin">
      <h1>{t('auth.form.title')}</h1>
      {user && <p className="notice">{t('auth.form.alreadySignedIn', { name: user.displayName })}</p>}
      <p>{t('auth.form.lead')}</p>
      <div id={errorId} role="alert" className={error ? 'notice notice--error' : undefined}>
        {error && t(error.key, error.params)}
      </div>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="form__field">
          <label htmlFor={loginId}>{t('auth.form.login')}</label>
          <input
            id={loginId}
            name="login"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            value={login}
            onChange={(event) => {
              setLogin(event.target.value);
            }}
          />
        </div>
        <div className="form__field">
          <label htmlFor={passwordId}>{t('auth.form.password')}</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('auth.form.submitting') : t('auth.form.submit')}
        </button>
      </form>
    </div>
  );
}
