import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { ChangePasswordForm } from "../components/change-password-form.tsx";
import { ProfileForm } from "../components/profile-form.tsx";
import { SessionsTable } from "../components/sessions-table.tsx";
import { useMe, useSignOut } from "../hooks/use-session.ts";

export function AccountPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const sessions = useQuery(trpc.auth.sessions.list.queryOptions());
  const signOut = useSignOut();
  const revokeOthers = useMutation(
    trpc.auth.sessions.revokeOthers.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() }),
    }),
  );
  const user = me.data?.user;

  return (
    <main className="page narrow">
      <header className="page-header">
        <h1>Account</h1>
      </header>
      {user ? (
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <ProfileForm key={user.name} user={user} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <div className="card-header">
          <h2 id="sessions-heading">Sessions</h2>
          <button
            type="button"
            className="button"
            disabled={revokeOthers.isPending}
            onClick={() => revokeOthers.mutate({})}
          >
            Sign out other sessions
          </button>
        </div>
        <div role="status" className="status-line">
          {revokeOthers.isSuccess
            ? `Signed out ${revokeOthers.data.revoked} other session${revokeOthers.data.revoked === 1 ? "" : "s"}.`
            : null}
        </div>
        {revokeOthers.isError ? (
          <p role="alert" className="form-alert">
            {messageOf(revokeOthers.error)}
          </p>
        ) : null}
        {sessions.isPending ? <Spinner label="Loading sessions" /> : null}
        {sessions.isError ? (
          <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : null}
        {sessions.data ? <SessionsTable sessions={sessions.data.items} /> : null}
      </section>
      <section className="card" aria-labelledby="signout-heading">
        <h2 id="signout-heading">Sign out</h2>
        <p className="muted">Sign out of Quarry on this device.</p>
        <button
          type="button"
          className="button"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate({})}
        >
          Sign out
        </button>
      </section>
    </main>
  );
}
