import type { PasswordStrength } from "@quarry/auth/schemas/password";
import { useEffect, useState } from "react";

type Check = (password: string) => PasswordStrength;

let loading: Promise<Check> | undefined;

/**
 * The server's own password rule (packages/auth/src/schemas/password.ts), loaded on first use:
 * its word lists are large, so only the pages that choose a password fetch them. Null until
 * loaded and while the field is empty.
 */
export function usePasswordStrength(password: string): PasswordStrength | null {
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import("@quarry/auth/schemas/password").then((m) => m.passwordStrength);
    void loading.then((fn) => {
      if (live) setCheck(() => fn);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!check || password === "") return null;
  return check(password);
}

/** The sentence a form shows for a refused password, as the server words it ("Password is too easy to guess. …"). */
export function passwordProblem(strength: PasswordStrength | null, label = "Password"): string | null {
  return strength?.problem ? `${label} ${strength.problem}` : null;
}
