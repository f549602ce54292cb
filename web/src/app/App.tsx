import { Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '../api/client';
import { ForcedPasswordPage } from '../pages/ForcedPasswordPage';
import { LoginPage } from '../pages/LoginPage';
import { pages } from './pages';
import { meKey, useMe } from './session';
import { Shell } from './Shell';
import { UnknownPage } from '../pages/UnknownPage';

const Portal = lazy(() => import('../portal/PortalApp'));

const loading = <Spin style={{ display: 'block', margin: '20vh auto' }} />;

/** Any 401 from a signed-in call (idle timeout, revoked session) sends the user back to the login page. */
function SessionWatcher() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      onUnauthorized(() => {
        if (!qc.getQueryData(meKey)) return;
        qc.clear();
        qc.setQueryData(meKey, null);
        void navigate('/login', { replace: true, state: { reason: 'expired' } });
      }),
    [qc, navigate],
  );
  return null;
}

function RequireAuth() {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return loading;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword) return <ForcedPasswordPage />;
  return <Outlet />;
}

export function App() {
  return (
    <Suspense fallback={loading}>
      <SessionWatcher />
      <Routes>
        <Route path="/portal/*" element={<Portal />} />
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<Shell />}>
            {pages.map(({ path, Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            <Route path="*" element={<UnknownPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
