import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { AuthLayout } from "../components/auth-layout.tsx";
import { safeNext } from "../hooks/use-session.ts";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [password, setPassword] = useState("");
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (result) => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), result);
        await navigate(next, { replace: true });
      },
    }),
  );
  const errors = formErrors(signIn.error, ["email", "password"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password });
  }

  const withNext = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
  return (
    <AuthLayout
      title="Sign in to Quarry"
      footer={
        <>
          <Link to={`/forgot-password${withNext}`}>Forgot your password?</Link>
          <span>
            New here? <Link to={`/sign-up${withNext}`}>Create an account</Link>
          </span>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="stack">
        <FormAlert message={errors.general} />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <button type="submit" className="button primary" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthLayout>
  );
}
