import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { systemActor } from "@quarry/core/service-context";
import type { DB } from "@quarry/db/generated/db";
import { listContactsInput } from "@quarry/records/schemas/contacts";
import { contactEntity } from "@quarry/records/schemas/entities";
import { listRecords } from "@quarry/records/services/list-records";
import { Kysely, type LogEvent, PostgresDialect } from "kysely";
import pg from "pg";
import type { PreparedScenario } from "./http-latency.ts";

export interface CapturedQuery {
  /** `total`: the statements that settle the total after the estimate (the count and its transaction). */
  kind: "page" | "estimate" | "total";
  sql: string;
  parameters: readonly unknown[];
}

function kindOf(text: string): CapturedQuery["kind"] {
  if (/^\s*explain \(format json\)/i.test(text)) return "estimate";
  if (/count\(\*\)|^\s*(begin|commit|rollback)\b|set_config\('statement_timeout'/i.test(text)) return "total";
  return "page";
}

/** Whether a captured statement is a query worth an EXPLAIN (not transaction control or a setting). */
export function isExplainable(q: CapturedQuery): boolean {
  return q.kind !== "total" || /count\(\*\)/i.test(q.sql);
}

/**
 * The exact SQL and parameters `records.contacts.list` runs for a scenario once warm: the real
 * service (listRecords) is called in process on a Kysely whose log hook records every compiled
 * query — twice, keeping the second call, as the server runs it on every request after the first
 * (the planner estimate is reused for a minute, see estimate-cache.ts). Failed statements (a count
 * cancelled by its time budget) are kept too. The session lookup of the HTTP path is not part of it.
 */
export async function captureListQueries(
  url: string,
  workspaceId: string,
  scenario: PreparedScenario,
): Promise<CapturedQuery[]> {
  let captured: CapturedQuery[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    log(event: LogEvent) {
      captured.push({
        kind: kindOf(event.query.sql),
        sql: event.query.sql,
        parameters: event.query.parameters,
      });
    },
  });
  try {
    const input = listContactsInput.parse({ ...scenario.input, cursor: scenario.cursor });
    const ctx = { db, workspaceId, actor: systemActor("bench"), log: silentLogger, clock: systemClock };
    await listRecords(ctx, contactEntity, input);
    captured = [];
    const result = await listRecords(ctx, contactEntity, input);
    if (result.items.length !== scenario.input.limit) {
      throw new Error(`${scenario.name}: in-process listRecords returned ${result.items.length} items`);
    }
  } finally {
    await db.destroy();
  }
  if (!captured.some((q) => q.kind === "page")) throw new Error(`${scenario.name}: no page query captured`);
  return captured;
}
