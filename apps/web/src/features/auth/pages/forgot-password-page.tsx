import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { AuthLayout } from "../components/auth-layout.tsx";

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.passwordReset.request.mutationOptions());
  const errors = formErrors(request.error, ["email"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ email });
  }

  return (
    <AuthLayout title="Reset your password" footer={<Link to="/sign-in">Back to sign in</Link>}>
      {request.isSuccess ? (
        <p role="status" className="success">
          If an account exists for {email}, we sent a link to reset its password. It expires soon, so use it
          today.
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <p className="muted">Enter your account's email and we'll send you a reset link.</p>
          <FormAlert message={errors.general} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <button type="submit" className="button primary" disabled={request.isPending}>
            {request.isPending ? "Sending…" : "Send reset link"}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
