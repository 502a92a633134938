import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { PlanPage } from '../features/plans/PlanPage';
import { TimelinePage } from '../features/timeline/TimelinePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { Loading } from '../ui/status';

// The measure page (and TanStack Table with it) loads when first visited, not with the first page.
const MeasurePage = lazy(() => import('../features/measures/MeasurePage'));
// So do the portfolio, the dashboard (and its chart), search and the import screen.
const PortfolioPage = lazy(() => import('../features/portfolio/PortfolioPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const SearchPage = lazy(() => import('../features/search/SearchPage'));
const ImportPage = lazy(() => import('../features/import/ImportPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const OpenDataPage = lazy(() => import('../features/open-data/OpenDataPage'));
// The follow-up round's screens: the rounds, a round's board, a part's editor and my tasks.
const RoundsPage = lazy(() => import('../features/rounds/RoundsPage'));
const RoundBoardPage = lazy(() => import('../features/rounds/RoundBoardPage'));
const PartPage = lazy(() => import('../features/rounds/PartPage'));
const TasksPage = lazy(() => import('../features/rounds/TasksPage'));
// Notifications: my notices, and the admin's outgoing webhook.
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const WebhookPage = lazy(() => import('../features/notifications/WebhookPage'));
// Plan authoring and revisions (見直し).
const RevisionsPage = lazy(() => import('../features/authoring/RevisionsPage'));
const DiffAnnexPage = lazy(() => import('../features/authoring/DiffAnnexPage'));
const AuthoringPage = lazy(() => import('../features/authoring/AuthoringPage'));
const ProposalsPage = lazy(() => import('../features/authoring/ProposalsPage'));
const CreatePlanPage = lazy(() => import('../features/authoring/CreatePlanPage'));
// The plan workbook's round trip: an edited export previewed, then applied.
const PlanWorkbookPage = lazy(() => import('../features/plan-workbook/PlanWorkbookPage'));
const GrantsPage = lazy(() => import('../features/admin/GrantsPage'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

// The pages loaded when first visited, by path.
const LAZY_PAGES: [string, LazyExoticComponent<ComponentType>][] = [
  ['plans/:slug/dashboard', DashboardPage],
  ['search', SearchPage],
  ['admin/grants', GrantsPage],
  ['import', ImportPage],
  ['plans/:slug/measures/:measureId', MeasurePage],
  ['open-data', OpenDataPage],
  ['account', AccountPage],
  ['plans/:slug/rounds', RoundsPage],
  ['plans/:slug/rounds/:roundId', RoundBoardPage],
  ['plans/:slug/rounds/:roundId/parts/:partId', PartPage],
  ['plans/:slug/revisions', RevisionsPage],
  ['plans/:slug/revisions/print', DiffAnnexPage],
  ['plans/:slug/authoring', AuthoringPage],
  ['plans/:slug/workbook', PlanWorkbookPage],
  ['plans/:slug/proposals', ProposalsPage],
  ['new-plan', CreatePlanPage],
  ['tasks', TasksPage],
  ['notifications', NotificationsPage],
  ['admin/webhook', WebhookPage],
];

/** Every page of the SPA; the server falls back to index.html for these paths. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <Lazy>
              <PortfolioPage />
            </Lazy>
          }
        />
        {LAZY_PAGES.map(([path, Page]) => (
          <Route
            key={path}
            path={path}
            element={
              <Lazy>
                <Page />
              </Lazy>
            }
          />
        ))}
        <Route path="plans/:slug" element={<PlanPage />} />
        <Route path="plans/:slug/timeline" element={<TimelinePage />} />
        <Route path="plans/:slug/sheets/:number/timeline" element={<TimelinePage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
