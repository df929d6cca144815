import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";

export function NewWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New workspace">
      <NewWorkspaceForm onDone={onClose} />
    </Dialog>
  );
}

export function NewWorkspaceForm({ onDone }: { onDone?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess: async (workspace) => {
        toast.success(`Workspace “${workspace.name}” created.`);
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        onDone?.();
        await navigate(`/w/${workspace.id}/contacts`);
      },
    }),
  );
  const errors = formErrors(create.error, ["name"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <form onSubmit={submit} noValidate className="stack dialog-body">
      <FormAlert message={errors.general} />
      <TextField
        label="Workspace name"
        value={name}
        placeholder="Acme Sales"
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
      />
      <div className="dialog-actions">
        {onDone ? (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create workspace"}
        </button>
      </div>
    </form>
  );
}
