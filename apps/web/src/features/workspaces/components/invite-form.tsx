import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { type RouterInputs, useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { SelectField } from "../../../app/ui/select-field.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { useWorkspace } from "../hooks/workspace-context.ts";
import { grantableRoles } from "./role-options.ts";

type InviteRole = RouterInputs["workspaces"]["invitations"]["create"]["role"];

export function InviteForm() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("member");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(
    trpc.workspaces.invitations.create.mutationOptions({
      onSuccess: async (invitation) => {
        toast.success(`Invitation sent to ${invitation.email}.`);
        setSentTo(invitation.email);
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.invitations.list.queryKey() });
      },
    }),
  );
  const errors = formErrors(invite.error, ["email", "role"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    invite.mutate({ workspaceId: workspace.id, email, role: role as InviteRole });
  }

  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite people</h2>
      <form onSubmit={submit} noValidate className="inline-form">
        <TextField
          label="Email"
          type="email"
          value={email}
          placeholder="name@company.com"
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
          className="grow"
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={grantableRoles(workspace.role).filter((option) => option.value !== "owner")}
          error={errors.fields.role}
        />
        <button type="submit" className="button primary" disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Invite"}
        </button>
      </form>
      <FormAlert message={errors.general} />
      <div role="status" className="status-line">
        {sentTo ? `Invitation sent to ${sentTo}.` : null}
      </div>
    </section>
  );
}
