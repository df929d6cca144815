import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { SelectField } from "../../../app/ui/select-field.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { useWorkspace } from "../hooks/workspace-context.ts";

type Created = RouterOutputs["workspaces"]["apiKeys"]["create"];

export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<Created | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={created ? "Copy your new API key" : "New API key"}>
      {created ? (
        <ShowKeyOnce created={created} onDone={close} />
      ) : (
        <CreateForm onCreated={setCreated} onCancel={close} />
      )}
    </Dialog>
  );
}

function CreateForm({ onCreated, onCancel }: { onCreated: (key: Created) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "read_write">("read");
  const create = useMutation(
    trpc.workspaces.apiKeys.create.mutationOptions({
      onSuccess: async (key) => {
        toast.success(`API key “${key.name}” created.`);
        onCreated(key);
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.apiKeys.list.queryKey() });
      },
    }),
  );
  const errors = formErrors(create.error, ["name", "scope"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ workspaceId: workspace.id, name, scope });
  }

  return (
    <form className="dialog-body stack" noValidate onSubmit={submit}>
      <FormAlert message={errors.general} />
      <TextField
        label="Name"
        value={name}
        placeholder="Zapier sync"
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
      />
      <SelectField
        label="Scope"
        value={scope}
        onChange={(e) => setScope(e.target.value === "read_write" ? "read_write" : "read")}
        options={[
          { value: "read", label: "Read: GET endpoints only" },
          { value: "read_write", label: "Read and write: create, update, start enrichment" },
        ]}
        error={errors.fields.scope}
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </div>
    </form>
  );
}

function ShowKeyOnce({ created, onDone }: { created: Created; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="dialog-body stack">
      <p className="form-alert" role="alert">
        This is the only time the key is shown. Copy it now and store it somewhere safe: Quarry keeps only a
        hash and cannot show it again.
      </p>
      <label className="field">
        <span className="field-label">API key “{created.name}”</span>
        <input className="key-output" readOnly value={created.key} onFocus={(e) => e.target.select()} />
      </label>
      <div className="row-gap">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy key
        </button>
        <span role="status" className="muted small">
          {copied === "yes"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "Copy failed: select the key and copy it."
              : ""}
        </span>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onDone}>
          I've stored it
        </button>
      </div>
    </div>
  );
}
