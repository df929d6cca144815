import type { Database } from "@quarry/db/client";
import { upsertCreditSettings } from "../queries/settings.queries.ts";
import type { CreditSettings, UpdateCreditSettingsInput } from "../schemas/settings.ts";

/** Sets the caps given (null removes one; one left out stays as it is). */
export async function updateCreditSettings(
  db: Database,
  input: UpdateCreditSettingsInput & { workspaceId: string },
): Promise<CreditSettings> {
  const row = await upsertCreditSettings(db, input.workspaceId, input.data);
  return { runCap: row.run_cap, monthlyCap: row.monthly_cap };
}
