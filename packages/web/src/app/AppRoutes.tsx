import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { PlanListPage } from '../features/plans/PlanListPage';
import { PlanPage } from '../features/plans/PlanPage';
import { TimelinePage } from '../features/timeline/TimelinePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { Loading } from './status';

// The measure page (and TanStack Table with it) loads when first visited, not with the first page.
const MeasurePage = lazy(() => import('../features/measures/MeasurePage'));

/** Every page of the SPA; the server falls back to index.html for these paths. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<PlanListPage />} />
        <Route path="plans/:slug" element={<PlanPage />} />
        <Route path="plans/:slug/timeline" element={<TimelinePage />} />
        <Route path="plans/:slug/sheets/:number/timeline" element={<TimelinePage />} />
        <Route
          path="plans/:slug/measures/:measureId"
          element={
            <Suspense fallback={<Loading />}>
              <MeasurePage />
            </Suspense>
          }
        />
        <Route path="signin" element={<SignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
