import { randomUUID } from "node:crypto";
import type { Clock } from "@quarry/core/clock";
import { idSchema } from "@quarry/core/ids";
import { silentLogger } from "@quarry/core/logger";
import { systemActor } from "@quarry/core/service-context";
import { creditsSchema, idempotencyKeySchema } from "@quarry/credits/schemas/ledger";
import { getBalance } from "@quarry/credits/services/get-balance";
import { grantCredits } from "@quarry/credits/services/grant-credits";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { z } from "zod";
import { parseFlags, UsageError } from "./parse-flags.ts";
import { findWorkspace } from "./queries/workspaces.queries.ts";

const amountFlag = z
  .string()
  .regex(/^-?\d+$/, { message: "must be a whole number of credits (negative for an adjustment)" })
  .transform(Number)
  .pipe(creditsSchema.min(-1_000_000_000_000, { message: "must be at least -1,000,000,000,000 credits" }))
  .refine((n) => n !== 0, { message: "must not be zero" });

/**
 * Credits are minted by the operator, never by a workspace role: a positive amount is a grant, a
 * negative one an adjustment, which cannot take the balance below zero. Without
 * `--idempotency-key` every run posts a new entry; with one, a rerun returns the first result.
 */
export async function grantCreditsCommand(deps: { db: Database; clock: Clock }, args: string[]) {
  const flags = parseFlags(
    args,
    z.object({
      workspace: idSchema,
      amount: amountFlag,
      memo: z.string().trim().min(1, { message: "is required" }).max(500),
      "idempotency-key": idempotencyKeySchema.optional(),
    }),
  );
  const workspace = await findWorkspace(deps.db, flags.workspace);
  if (!workspace) throw new UsageError(`--workspace: no workspace with the id ${flags.workspace}`);
  const kind = flags.amount > 0 ? ("grant" as const) : ("adjustment" as const);
  // The operator acts as the system: the entry is attributed to no user.
  const ctx: ServiceCtx = {
    db: deps.db,
    workspaceId: workspace.id,
    actor: systemActor("admin-cli"),
    log: silentLogger,
    clock: deps.clock,
  };
  const posted = await grantCredits(ctx, {
    amount: flags.amount,
    kind,
    idempotencyKey: flags["idempotency-key"] ?? `admin-cli:${randomUUID()}`,
    memo: flags.memo,
  });
  const balance = await getBalance(ctx);
  return { workspaceId: workspace.id, kind, ...posted, balance };
}
