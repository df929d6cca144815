import { parseArgs } from "node:util";
import type { z } from "zod";

/** A command-line mistake: printed to stderr, exit code 1. */
export class UsageError extends Error {}

/**
 * Parses `--flag value` pairs against a zod object whose keys are the flag names. Errors name the
 * flag: "--email must be a valid email address", "--owner is required".
 */
export function parseFlags<S extends z.ZodObject>(args: string[], schema: S): z.output<S> {
  const names = Object.keys(schema.shape);
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (values[name] === undefined && !field.safeParse(undefined).success) {
      throw new UsageError(`--${name} is required`);
    }
  }
  const result = schema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? "?")} ${issue?.message ?? "is not valid"}`);
  }
  return result.data;
}
