import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { AuthLayout } from "../components/auth-layout.tsx";
import { PasswordField } from "../components/password-field.tsx";
import { passwordProblem, usePasswordStrength } from "../hooks/use-password-strength.ts";
import { safeNext } from "../hooks/use-session.ts";

export function SignUpPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [name, setName] = useState("");
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [password, setPassword] = useState("");
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: async (result) => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), result);
        await navigate(next, { replace: true });
      },
    }),
  );
  const errors = formErrors(signUp.error, ["name", "email", "password"]);
  const strength = usePasswordStrength(password);
  const [refused, setRefused] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    // The same rule the server applies; a refused password never leaves the browser.
    const problem = passwordProblem(strength);
    setRefused(problem);
    if (!problem) signUp.mutate({ name, email, password });
  }

  const withNext = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
  return (
    <AuthLayout
      title="Create your Quarry account"
      footer={
        <span>
          Already have an account? <Link to={`/sign-in${withNext}`}>Sign in</Link>
        </span>
      }
    >
      <form onSubmit={submit} noValidate className="stack">
        <FormAlert message={errors.general} />
        <TextField
          label="Name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <PasswordField
          label="Password"
          autoComplete="new-password"
          hint="At least 10 characters, hard to guess: a few uncommon words work well."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          strength={strength}
          error={refused ?? errors.fields.password}
        />
        <button type="submit" className="button primary" disabled={signUp.isPending}>
          {signUp.isPending ? "Creating account…" : "Sign up"}
        </button>
      </form>
    </AuthLayout>
  );
}
