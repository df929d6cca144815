import type { ServiceCtx } from "@quarry/db/service-context";
import { findBalance } from "../queries/balances.queries.ts";
import type { Balance } from "../schemas/balance.ts";

/**
 * The workspace's balances, all from its entries: available is the `credit_balances` row the
 * ledger's trigger keeps equal to the sum of available postings (the same row holds are checked
 * against); held and spent are sums of postings. Read in one statement, so they agree.
 */
export async function getBalance(ctx: ServiceCtx): Promise<Balance> {
  const { available, held, spent } = await findBalance(ctx.db, ctx.workspaceId);
  return { available, held, spent };
}
