import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { planPath } from '../../ui/paths';
import { useSession } from '../auth/useSession';
import { ProposalsPanel } from './ProposalsPanel';
import './authoring.css';

/** `/plans/:slug/proposals`: a plan's proposals (変更提案) and their decisions, for the office and the reporters. */
export default function ProposalsPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  useDocumentTitle(t('proposal.title'));
  const mayRead =
    user !== null && (user.role === 'coordinator' || user.role === 'admin' || user.role === 'ministry');
  return (
    <article className="authoring">
      <p>
        <Link to={planPath(slug)}>{slug}</Link>
      </p>
      <h1>{t('proposal.title')}</h1>
      <p>{t('proposal.lead')}</p>
      {mayRead ? <ProposalsPanel slug={slug} /> : <p>{t('proposal.forbidden')}</p>}
    </article>
  );
}
