import { Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { PlanListPage } from '../features/plans/PlanListPage';
import { PlanPage } from '../features/plans/PlanPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/** Every page of the SPA; the server falls back to index.html for these paths. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<PlanListPage />} />
        <Route path="plans/:slug" element={<PlanPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
