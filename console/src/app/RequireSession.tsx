import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../lib/session';

/** Signed-in pages only: otherwise the sign-in page, which returns here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
