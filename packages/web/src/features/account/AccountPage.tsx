import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { Loading } from '../../ui/status';
import { useSession } from '../auth/useSession';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';
import './account.css';

/** `/account`: the signed-in user's sessions (each can be ended), their password and their API tokens. */
export default function AccountPage() {
  const { t } = useI18n();
  const { status, user } = useSession();
  useDocumentTitle(t('account.title'));

  if (status === 'loading') return <Loading />;
  if (!user) {
    return (
      <>
        <h1>{t('account.title')}</h1>
        <p>
          <Link to="/signin">{t('account.signInFirst')}</Link>
        </p>
      </>
    );
  }
  return (
    <div className="account">
      <h1>{t('account.title')}</h1>
      <p>{t('account.lead')}</p>
      <SessionsSection />
      <PasswordSection />
      <TokensSection />
    </div>
  );
}
