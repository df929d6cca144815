import { silentLogger } from "@quarry/core/logger";
import type { DB } from "@quarry/db/generated/db";
import { listContactsInput } from "@quarry/records/schemas/contacts";
import { contactEntity } from "@quarry/records/schemas/entities";
import { listRecords } from "@quarry/records/services/list-records";
import { Kysely, type LogEvent, PostgresDialect } from "kysely";
import pg from "pg";
import type { PreparedScenario } from "./http-latency.ts";

export interface CapturedQuery {
  kind: "page" | "estimate" | "count";
  sql: string;
  parameters: readonly unknown[];
}

function kindOf(text: string): CapturedQuery["kind"] {
  if (/^\s*explain \(format json\)/i.test(text)) return "estimate";
  if (/count\(\*\)/i.test(text)) return "count";
  return "page";
}

/**
 * The exact SQL and parameters `records.contacts.list` runs for a scenario: the real service
 * (listRecords) is called in process on a Kysely whose log hook records every compiled query.
 * The session and membership lookups of the HTTP path are not part of it (they are tRPC middleware).
 */
export async function captureListQueries(
  url: string,
  workspaceId: string,
  scenario: PreparedScenario,
): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    log(event: LogEvent) {
      if (event.level !== "query") return;
      captured.push({
        kind: kindOf(event.query.sql),
        sql: event.query.sql,
        parameters: event.query.parameters,
      });
    },
  });
  try {
    const input = listContactsInput.parse({ ...scenario.input, cursor: scenario.cursor });
    const ctx = { db, workspaceId, actor: null, source: "user" as const, log: silentLogger };
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
