import type { AppError } from "@quarry/core/app-error";
import { badInput } from "@quarry/core/app-error";
import type { RunEstimate } from "../schemas/runs.ts";

function list(fields: readonly string[]): string {
  const names = fields.map((f) => f.replaceAll("_", " "));
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/**
 * Null when some (record, field) of the run has a provider that is enabled and can look the
 * record up; else the error a run that could fill nothing is refused with, saying why.
 */
export function nothingToFill(estimate: RunEstimate, testMode: boolean): AppError | null {
  if (estimate.fields.some((f) => f.providers.some((p) => p.eligible > 0))) return null;
  const wanted = estimate.fields.filter((f) => f.needed > 0);
  if (wanted.length === 0) {
    return badInput(
      "fields",
      `Nothing to fill: the selected records already have a value for ${list(estimate.fields.map((f) => f.field))}. Turn on "Replace existing values" to look them up again.`,
    );
  }
  const blocked = wanted.filter((f) => f.providers.every((p) => p.unavailable !== null));
  if (blocked.length === wanted.length) {
    const fix = testMode
      ? "In test mode only the free built-ins and the sandbox are tried."
      : "Add an API key on the Providers page, or turn on test mode to try it with made-up data.";
    return badInput("fields", `No enabled provider can fill ${list(blocked.map((f) => f.field))}. ${fix}`);
  }
  return badInput(
    "fields",
    `No provider can look up the selected records for ${list(wanted.map((f) => f.field))}: they lack what the providers need (such as an email, a name or a domain).`,
  );
}
