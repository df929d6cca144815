import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { toast } from "sonner";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { AuthLayout } from "../../auth/components/auth-layout.tsx";
import { useMe, useSignOut } from "../../auth/hooks/use-session.ts";
import { roleLabel } from "../hooks/workspace-context.ts";

const closedReasons: Record<string, string> = {
  expired: "This invitation has expired. Ask for a new one.",
  used: "This invitation has already been accepted.",
  revoked: "This invitation was revoked.",
};

/** /invite/:token — preview, then accept (signed in as the invited email) or sign in / up first. */
export function InvitePage() {
  const trpc = useTRPC();
  const { token = "" } = useParams();
  const me = useMe();
  const preview = useQuery(trpc.workspaces.invitations.preview.queryOptions({ token }));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const back = encodeURIComponent(`/invite/${token}`);
  const signOut = useSignOut(`/sign-in?next=${back}`);
  const accept = useMutation(
    trpc.workspaces.invitations.accept.mutationOptions({
      onSuccess: async (result) => {
        toast.success(preview.data ? `You joined ${preview.data.workspaceName}.` : "Invitation accepted.");
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        await navigate(`/w/${result.workspaceId}/contacts`, { replace: true });
      },
    }),
  );

  if (preview.isPending || me.isPending) return <Spinner label="Loading invitation" />;
  if (preview.isError) {
    return (
      <AuthLayout title="Invitation">
        <ErrorState error={preview.error} />
        <Link to="/">Go to Quarry</Link>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const user = me.data?.user ?? null;
  const email = encodeURIComponent(invitation.email);
  const sameEmail = user?.email.toLowerCase() === invitation.email.toLowerCase();

  return (
    <AuthLayout title={`Join ${invitation.workspaceName}`}>
      <p>
        {invitation.invitedBy ?? "Someone"} invited <strong>{invitation.email}</strong> to join{" "}
        <strong>{invitation.workspaceName}</strong> as {roleLabel(invitation.role).toLowerCase()}.
      </p>
      {invitation.status !== "pending" ? (
        <p role="alert" className="form-alert">
          {closedReasons[invitation.status] ?? "This invitation can no longer be used."}
        </p>
      ) : !user ? (
        <div className="stack">
          <p className="muted">Sign in or create an account with {invitation.email} to accept.</p>
          <Link className="button primary" to={`/sign-in?next=${back}&email=${email}`}>
            Sign in to accept
          </Link>
          <Link className="button" to={`/sign-up?next=${back}&email=${email}`}>
            Create an account
          </Link>
        </div>
      ) : sameEmail ? (
        <div className="stack">
          {accept.isError ? (
            <p role="alert" className="form-alert">
              {messageOf(accept.error)}
            </p>
          ) : null}
          <button
            type="button"
            className="button primary"
            disabled={accept.isPending}
            onClick={() => accept.mutate({ token })}
          >
            {accept.isPending ? "Joining…" : "Accept invitation"}
          </button>
        </div>
      ) : (
        <div className="stack">
          <p role="alert" className="form-alert">
            You're signed in as {user.email}, but this invitation is for {invitation.email}.
          </p>
          <button type="button" className="button" onClick={() => signOut.mutate({})}>
            Sign out and switch account
          </button>
        </div>
      )}
    </AuthLayout>
  );
}
