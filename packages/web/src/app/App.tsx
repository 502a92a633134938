import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../features/auth/SessionProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { AppRoutes } from './AppRoutes';

/** The whole SPA: router, language, session, then the routes inside the page layout. */
export function App() {
  return (
    <BrowserRouter>
      <I18nProvider>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </I18nProvider>
    </BrowserRouter>
  );
}
