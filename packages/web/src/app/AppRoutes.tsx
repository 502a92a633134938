import { lazy, Suspense, type ReactNode } from 'react';
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
const AuthoringPage = lazy(() => import('../features/authoring/AuthoringPage'));
const GrantsPage = lazy(() => import('../features/admin/GrantsPage'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

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
        <Route
          path="plans/:slug/dashboard"
          element={
            <Lazy>
              <DashboardPage />
            </Lazy>
          }
        />
        <Route
          path="search"
          element={
            <Lazy>
              <SearchPage />
            </Lazy>
          }
        />
        <Route
          path="admin/grants"
          element={
            <Lazy>
              <GrantsPage />
            </Lazy>
          }
        />
        <Route
          path="import"
          element={
            <Lazy>
              <ImportPage />
            </Lazy>
          }
        />
        <Route path="plans/:slug" element={<PlanPage />} />
        <Route path="plans/:slug/timeline" element={<TimelinePage />} />
        <Route path="plans/:slug/sheets/:number/timeline" element={<TimelinePage />} />
        <Route
          path="plans/:slug/measures/:measureId"
          element={
            <Lazy>
              <MeasurePage />
            </Lazy>
          }
        />
        <Route
          path="open-data"
          element={
            <Lazy>
              <OpenDataPage />
            </Lazy>
          }
        />
        <Route path="signin" element={<SignInPage />} />
        <Route
          path="account"
          element={
            <Lazy>
              <AccountPage />
            </Lazy>
          }
        />
        <Route
          path="plans/:slug/rounds"
          element={
            <Lazy>
              <RoundsPage />
            </Lazy>
          }
        />
        <Route
          path="plans/:slug/rounds/:roundId"
          element={
            <Lazy>
              <RoundBoardPage />
            </Lazy>
          }
        />
        <Route
          path="plans/:slug/rounds/:roundId/parts/:partId"
          element={
            <Lazy>
              <PartPage />
            </Lazy>
          }
        />
        <Route
          path="plans/:slug/revisions"
          element={
            <Lazy>
              <RevisionsPage />
            </Lazy>
          }
        />
        <Route
          path="plans/:slug/authoring"
          element={
            <Lazy>
              <AuthoringPage />
            </Lazy>
          }
        />
        <Route
          path="tasks"
          element={
            <Lazy>
              <TasksPage />
            </Lazy>
          }
        />
        <Route
          path="notifications"
          element={
            <Lazy>
              <NotificationsPage />
            </Lazy>
          }
        />
        <Route
          path="admin/webhook"
          element={
            <Lazy>
              <WebhookPage />
            </Lazy>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
