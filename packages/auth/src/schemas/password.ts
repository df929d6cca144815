import { passwordSchema } from "@quarry/core/schemas";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/**
 * The one password rule, for the server (sign-up, reset, change) and the web app's meter alike:
 * at least 10 characters and a zxcvbn score of 3 or more, so `password123` is refused.
 */
export const MIN_PASSWORD_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  /** "Very weak" … "Very strong", for the meter. */
  label: string;
  /** Why the password is refused, as a fragment after the field's label; null when it is accepted. */
  problem: string | null;
}

const scoreLabels = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

export function passwordStrength(password: string): PasswordStrength {
  const length = passwordSchema.safeParse(password);
  const result = zxcvbn.check(password);
  const score = result.score as PasswordScore;
  const label = scoreLabels[score];
  if (!length.success) {
    return { score, label, problem: length.error.issues[0]?.message ?? "is not valid" };
  }
  if (score >= MIN_PASSWORD_SCORE) return { score, label, problem: null };
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return { score, label, problem: `is too easy to guess.${why ? ` ${why}` : ""}` };
}

/** A password being chosen (sign-up, reset, change): length and strength. Sign-in takes any length-valid one. */
export const newPasswordSchema = passwordSchema.superRefine((password, ctx) => {
  // Length problems are already reported by passwordSchema; add only the strength one.
  if (password.length < 10 || password.length > 256) return;
  const { problem } = passwordStrength(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
