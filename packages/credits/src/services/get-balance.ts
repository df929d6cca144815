import type { Database } from "@quarry/db/client";
import { sumAccounts } from "../queries/ledger.queries.ts";
import type { Balance } from "../schemas/balance.ts";

/** The workspace's balances: sums of its postings per account, never a stored counter. */
export async function getBalance(db: Database, workspaceId: string): Promise<Balance> {
  const balance: Balance = { available: 0, held: 0, spent: 0 };
  for (const row of await sumAccounts(db, workspaceId)) {
    if (row.account === "available" || row.account === "held" || row.account === "spent") {
      balance[row.account] = row.total;
    }
  }
  return balance;
}
