import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { AuthLayout } from "../components/auth-layout.tsx";
import { PasswordField } from "../components/password-field.tsx";
import { passwordProblem, usePasswordStrength } from "../hooks/use-password-strength.ts";

export function ResetPasswordPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { token = "" } = useParams();
  const [password, setPassword] = useState("");
  const confirm = useMutation(
    trpc.auth.passwordReset.confirm.mutationOptions({
      // Every session ends with a reset, this browser's included.
      onSuccess: () => queryClient.clear(),
    }),
  );
  const errors = formErrors(confirm.error, ["password"]);
  const strength = usePasswordStrength(password);
  const [refused, setRefused] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passwordProblem(strength, "New password");
    setRefused(problem);
    if (!problem) confirm.mutate({ token, password });
  }

  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/sign-in">Back to sign in</Link>}>
      {confirm.isSuccess ? (
        <div role="status" className="stack">
          <p className="success">Your password was changed and every session was signed out.</p>
          <Link className="button primary" to="/sign-in">
            Sign in
          </Link>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <FormAlert message={errors.general} />
          <PasswordField
            label="New password"
            autoComplete="new-password"
            hint="At least 10 characters, hard to guess: a few uncommon words work well."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            strength={strength}
            error={refused ?? errors.fields.password}
          />
          <button type="submit" className="button primary" disabled={confirm.isPending}>
            {confirm.isPending ? "Saving…" : "Set password"}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
