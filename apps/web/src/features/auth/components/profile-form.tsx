import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";

/** The signed-in user's name (what their workspaces see) and email (shown, not editable here). */
export function ProfileForm({ user }: { user: { name: string; email: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const update = useMutation(
    trpc.auth.account.update.mutationOptions({
      onSuccess: async (result) => {
        toast.success("Name saved.");
        queryClient.setQueryData(trpc.auth.me.queryKey(), result);
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.members.pathKey() });
      },
    }),
  );
  const errors = formErrors(update.error, ["name"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ data: { name } });
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="profile-heading">
      <FormAlert message={errors.general} />
      <TextField
        label="Name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
      />
      <TextField label="Email" type="email" value={user.email} readOnly hint="Your email signs you in." />
      <div>
        <button
          type="submit"
          className="button primary"
          disabled={update.isPending || name.trim() === user.name}
        >
          {update.isPending ? "Saving…" : "Save name"}
        </button>
      </div>
    </form>
  );
}
