import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { canImport } from '../features/auth/can-import';
import { useSession } from '../features/auth/useSession';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useI18n } from '../i18n/useI18n';

function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const target = lang === 'ja' ? 'en' : 'ja';
  return (
    <button
      type="button"
      className="button button--quiet"
      lang={target}
      onClick={() => {
        setLang(target);
      }}
    >
      {t('app.language.switch')}
    </button>
  );
}

function SessionArea() {
  const { t } = useI18n();
  const { status, user, signOut } = useSession();
  const [hasSignOutFailed, setHasSignOutFailed] = useState(false);

  if (status === 'loading') return null;
  if (!user) {
    return (
      <Link className="button button--quiet" to="/signin">
        {t('auth.signIn')}
      </Link>
    );
  }
  return (
    <div className="session">
      <span className="session__user">
        <span className="visually-hidden">{t('auth.userMenu')}: </span>
        {t('auth.signedInAs', { name: user.displayName })}
      </span>
      <NotificationBell />
      <Link className="button button--quiet" to="/account">
        {t('account.link')}
      </Link>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          setHasSignOutFailed(false);
          signOut().catch(() => {
            setHasSignOutFailed(true);
          });
        }}
      >
        {t('auth.signOut')}
      </button>
      {hasSignOutFailed && (
        <p role="alert" className="session__error">
          {t('auth.error.signOut')}
        </p>
      )}
    </div>
  );
}

/** The labelled search box of every page; it sends the words to /search, keeping nothing else. */
function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const current = location.pathname === '/search' ? (searchParams.get('q') ?? '') : '';
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    const q = typeof value === 'string' ? value.trim() : '';
    void navigate(q === '' ? '/search' : `/search?${new URLSearchParams({ q }).toString()}`);
  };
  return (
    <form role="search" className="header-search" aria-label={t('search.header.label')} onSubmit={onSubmit}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t('search.header.input')}
      </label>
      <input
        key={current}
        id="header-search-q"
        name="q"
        type="search"
        defaultValue={current}
        placeholder={t('search.header.placeholder')}
      />
      <button type="submit" className="button">
        {t('search.header.submit')}
      </button>
    </form>
  );
}

/** Header with product name, language switch and sign-in state; skip link; the page in <main>; footer. */
export function Layout() {
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(location.pathname);

  useEffect(() => {
    // After client-side navigation, start screen readers and keyboard users at the new page's content.
    if (previousPath.current !== location.pathname) {
      previousPath.current = location.pathname;
      mainRef.current?.focus();
    }
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name" lang="ja">
              {t('app.name')}
            </span>{' '}
            <span className="brand__latin" lang="en">
              {t('app.nameLatin')}
            </span>
          </Link>
          <p className="site-header__tagline">{t('app.tagline')}</p>
          <nav aria-label={t('app.nav.label')} className="site-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('app.nav.plans')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/search">{t('app.nav.search')}</NavLink>
              </li>
              <li>
                <NavLink to="/open-data">{t('app.nav.openData')}</NavLink>
              </li>
              {user && (
                <li>
                  <NavLink to="/tasks">{t('round.nav.tasks')}</NavLink>
                </li>
              )}
              {canImport(user) && (
                <li>
                  <NavLink to="/import">{t('app.nav.import')}</NavLink>
                </li>
              )}
              {user?.role === 'admin' && (
                <>
                  <li>
                    <NavLink to="/admin/grants">{t('grants.nav')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/webhook">{t('webhook.nav')}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="site-header__tools">
            <HeaderSearch />
            <LanguageSwitch />
            <SessionArea />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
