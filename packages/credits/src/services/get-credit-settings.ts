import type { ServiceCtx } from "@quarry/db/service-context";
import { findCreditSettings } from "../queries/settings.queries.ts";
import type { CreditSettings } from "../schemas/settings.ts";

/** The workspace's spend caps; a workspace that never set any has none. */
export async function getCreditSettings(ctx: ServiceCtx): Promise<CreditSettings> {
  const row = await findCreditSettings(ctx.db, ctx.workspaceId);
  return { runCap: row?.run_cap ?? null, monthlyCap: row?.monthly_cap ?? null };
}
