import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import { ConfirmDialog } from "../../../app/ui/confirm-dialog.tsx";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { useMe } from "../../auth/hooks/use-session.ts";
import { roleLabel, useWorkspace } from "../hooks/workspace-context.ts";
import { grantableRoles } from "./role-options.ts";

type Member = RouterOutputs["workspaces"]["members"]["list"]["items"][number];

export function MembersTable() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const me = useMe();
  const members = useQuery(trpc.workspaces.members.list.queryOptions({ workspaceId: workspace.id }));
  const [removing, setRemoving] = useState<Member | null>(null);
  const preview = useQuery(
    trpc.workspaces.members.removalPreview.queryOptions(
      { workspaceId: workspace.id, id: removing?.userId ?? "" },
      { enabled: removing !== null },
    ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workspaces.members.list.queryKey() });
  const update = useMutation(
    trpc.workspaces.members.update.mutationOptions({
      onSuccess: () => toast.success("Role changed."),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.workspaces.members.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`${removing?.name ?? "Member"} removed from the workspace.`);
        setRemoving(null);
        await refresh();
        // what the member handed out is revoked with the membership
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.apiKeys.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.invitations.list.queryKey() });
      },
    }),
  );
  const canManage = workspace.can("members.manage");

  if (members.isPending) return <Spinner label="Loading members" />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;

  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">Members ({members.data.items.length})</h2>
      {update.isError ? (
        <p role="alert" className="form-alert">
          {messageOf(update.error)}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {canManage ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.data.items.map((member) => {
            const isSelf = member.userId === me.data?.user.id;
            const editable = canManage && !isSelf && member.role !== "owner";
            return (
              <tr key={member.userId}>
                <td>
                  {member.name}
                  {isSelf ? <span className="badge">You</span> : null}
                </td>
                <td>{member.email}</td>
                <td>
                  {editable ? (
                    <select
                      aria-label={`Role for ${member.name}`}
                      value={member.role}
                      disabled={update.isPending}
                      onChange={(event) =>
                        update.mutate({
                          workspaceId: workspace.id,
                          id: member.userId,
                          data: { role: event.target.value as Member["role"] },
                        })
                      }
                    >
                      {grantableRoles(workspace.role, member.role).map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    roleLabel(member.role)
                  )}
                </td>
                {canManage ? (
                  <td className="actions">
                    {editable ? (
                      <button type="button" className="button small" onClick={() => setRemoving(member)}>
                        Remove<span className="visually-hidden"> {member.name}</span>
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        title="Remove member"
        message={`Remove ${removing?.name ?? ""} (${removing?.email ?? ""}) from ${workspace.name}? They lose access right away.${revokedNotice(preview.data)}`}
        confirmLabel="Remove"
        pending={remove.isPending}
        error={remove.isError ? messageOf(remove.error) : null}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (removing) remove.mutate({ workspaceId: workspace.id, id: removing.userId });
        }}
      />
    </section>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** " Their 2 API keys will be revoked and 1 pending invitation cancelled." (nothing when none). */
function revokedNotice(grants: RouterOutputs["workspaces"]["members"]["removalPreview"] | undefined): string {
  if (!grants) return "";
  const parts = [
    grants.apiKeys > 0 ? `${plural(grants.apiKeys, "API key", "API keys")} will be revoked` : null,
    grants.invitations > 0
      ? `${plural(grants.invitations, "pending invitation", "pending invitations")} cancelled`
      : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? ` Their ${parts.join(" and ")}.` : "";
}
