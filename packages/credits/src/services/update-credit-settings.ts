import type { ServiceCtx } from "@quarry/db/service-context";
import { upsertCreditSettings } from "../queries/settings.queries.ts";
import type { CreditSettings, UpdateCreditSettingsInput } from "../schemas/settings.ts";

/** Sets the caps given (null removes one; one left out stays as it is). */
export async function updateCreditSettings(
  ctx: ServiceCtx,
  input: UpdateCreditSettingsInput,
): Promise<CreditSettings> {
  const row = await upsertCreditSettings(ctx.db, ctx.workspaceId, input.data);
  return { runCap: row.run_cap, monthlyCap: row.monthly_cap };
}
