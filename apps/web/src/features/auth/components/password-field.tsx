import type { PasswordStrength } from "@quarry/auth/schemas/password";
import { type InputHTMLAttributes, useId } from "react";
import "../auth.css";

interface PasswordFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> {
  label: string;
  error?: string | null | undefined;
  /** From usePasswordStrength: shows the meter for a password being chosen. */
  strength?: PasswordStrength | null;
  hint?: string;
}

/** A password input with its error and, for a new password, a strength meter the input describes. */
export function PasswordField({ label, error, strength, hint, className, ...input }: PasswordFieldProps) {
  const id = useId();
  const ids = { error: `${id}-error`, hint: `${id}-hint`, meter: `${id}-meter` };
  const describedBy =
    [error ? ids.error : null, strength ? ids.meter : null, hint ? ids.hint : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {strength ? (
        <div className="password-meter" data-score={strength.score}>
          <meter
            min={0}
            max={4}
            low={2}
            high={3}
            optimum={4}
            value={strength.score}
            aria-labelledby={ids.meter}
          />
          <span id={ids.meter} className="field-hint">
            Strength: {strength.label}
          </span>
        </div>
      ) : null}
      {hint ? (
        <p id={ids.hint} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={ids.error} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
