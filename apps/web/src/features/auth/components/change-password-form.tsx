import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { passwordProblem, usePasswordStrength } from "../hooks/use-password-strength.ts";
import { PasswordField } from "./password-field.tsx";

/** A new password, with the current one; this session stays, every other is signed out. */
export function ChangePasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const strength = usePasswordStrength(newPassword);
  const [refused, setRefused] = useState<string | null>(null);
  const change = useMutation(
    trpc.auth.password.change.mutationOptions({
      onSuccess: async () => {
        toast.success("Password changed. Your other sessions were signed out.");
        setCurrentPassword("");
        setNewPassword("");
        await queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() });
      },
    }),
  );
  const errors = formErrors(change.error, ["currentPassword", "newPassword"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passwordProblem(strength, "New password");
    setRefused(problem);
    if (!problem) change.mutate({ currentPassword, newPassword });
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="password-heading">
      <FormAlert message={errors.general} />
      <PasswordField
        label="Current password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={errors.fields.currentPassword}
      />
      <PasswordField
        label="New password"
        autoComplete="new-password"
        hint="At least 10 characters, hard to guess: a few uncommon words work well."
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        strength={strength}
        error={refused ?? errors.fields.newPassword}
      />
      <div>
        <button type="submit" className="button primary" disabled={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
