import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { formatDateTime, formatRelative } from "../../../app/lib/format.ts";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { roleLabel, useWorkspace } from "../hooks/workspace-context.ts";

export function InvitationsSection() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.workspaces.invitations.list.queryOptions({ workspaceId: workspace.id }));
  const revoke = useMutation(
    trpc.workspaces.invitations.delete.mutationOptions({
      onSuccess: () => toast.success("Invitation revoked."),
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.workspaces.invitations.list.queryKey() }),
    }),
  );
  const canManage = workspace.can("invitations.manage");
  const pending = invitations.data?.items.filter((invitation) => invitation.status === "pending") ?? [];

  return (
    <section className="card" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Pending invitations</h2>
      {revoke.isError ? (
        <p role="alert" className="form-alert">
          {messageOf(revoke.error)}
        </p>
      ) : null}
      {invitations.isPending ? <Spinner label="Loading invitations" /> : null}
      {invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : null}
      {invitations.data && pending.length === 0 ? <p className="muted">No pending invitations.</p> : null}
      {pending.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Expires</th>
              {canManage ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {pending.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{roleLabel(invitation.role)}</td>
                <td>{invitation.invitedBy ?? "—"}</td>
                <td title={formatDateTime(invitation.expiresAt)}>{formatRelative(invitation.expiresAt)}</td>
                {canManage ? (
                  <td className="actions">
                    <button
                      type="button"
                      className="button small"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ workspaceId: workspace.id, id: invitation.id })}
                    >
                      Revoke<span className="visually-hidden"> invitation for {invitation.email}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
