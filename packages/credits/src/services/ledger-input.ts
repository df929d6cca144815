import { AppError, badInput } from "@quarry/core/app-error";
import { idSchema } from "@quarry/core/ids";
import { creditsSchema, type EntryKind, idempotencyKeySchema } from "../schemas/ledger.ts";

/**
 * Checks on what other domains pass to the ledger services (procedures validate with zod first;
 * enrichment calls the services directly). Each names the field it is about.
 */
export function requireCredits(field: string, value: number, opts: { allowZero?: boolean } = {}): number {
  const parsed = creditsSchema.safeParse(value);
  if (!parsed.success || value < 0 || (value === 0 && !opts.allowZero)) {
    throw badInput(field, `${field} must be a positive whole number of credits`);
  }
  return parsed.data;
}

export function requireKey(field: string, value: string): string {
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) throw badInput(field, `${field} must be 1 to 200 characters`);
  return parsed.data;
}

export function requireId(field: string, value: string): string {
  if (!idSchema.safeParse(value).success) throw badInput(field, `${field} must be a valid id`);
  return value;
}

export function optionalId(field: string, value: string | null | undefined): string | null {
  return value == null ? null : requireId(field, value);
}

/** A retried call returns the first result; a key reused for another kind of entry is a mistake. */
export function sameKind<E extends { kind: string }>(entry: E, kinds: readonly EntryKind[], key: string): E {
  if (!(kinds as readonly string[]).includes(entry.kind)) {
    throw new AppError(
      "CONFLICT",
      `Idempotency key "${key}" was already used for a ${entry.kind}, not a ${kinds.join(" or ")}.`,
    );
  }
  return entry;
}
