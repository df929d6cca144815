import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listLookupPartitions } from "../queries/lookups.queries.ts";
import { tasks } from "./index.ts";
import { maintainLookupPartitionsTask } from "./maintain-lookup-partitions.task.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

function monthName(offset: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `enrichment_records_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const helpers = () => ({
  db: t.db,
  log: { info() {}, error() {} },
  jobId: "1",
  attempts: 1,
  outbound: testOutbound,
});

it("keeps monthly enrichment_records partitions ahead and drops those past retention, safely re-run", async () => {
  expect(tasks.map((task) => task.name)).toContain("enrichment/maintain-lookup-partitions");
  const old = monthName(-30);
  const from = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 30, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  await sql`create table ${sql.table(old)} partition of enrichment_records
    for values from (${sql.lit(from.toISOString())}) to (${sql.lit(to.toISOString())})`.execute(t.db);

  const payload = maintainLookupPartitionsTask.payload.parse({ monthsAhead: 5 });
  expect(payload).toEqual({ monthsAhead: 5, retentionMonths: 24 });
  await maintainLookupPartitionsTask.run(payload, helpers());
  const after = await listLookupPartitions(t.db);
  expect(after).not.toContain(old);
  for (const offset of [0, 1, 2, 3, 4, 5]) expect(after).toContain(monthName(offset));
  await maintainLookupPartitionsTask.run(payload, helpers());
  expect(await listLookupPartitions(t.db)).toEqual(after);
});
