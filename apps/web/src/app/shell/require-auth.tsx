import { Navigate, Outlet, useLocation, useSearchParams } from "react-router";
import { safeNext, useMe } from "../../features/auth/hooks/use-session.ts";
import { ErrorState, Spinner } from "../ui/states.tsx";

/** Signed-in routes: without a session, go to sign-in and come back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spinner />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up skip straight ahead when a session already exists. */
export function RedirectIfSignedIn() {
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <Spinner />;
  if (me.data) return <Navigate to={safeNext(params.get("next"))} replace />;
  return <Outlet />;
}
