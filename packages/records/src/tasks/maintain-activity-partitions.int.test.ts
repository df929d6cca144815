import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listActivityPartitions } from "../queries/partitions.queries.ts";
import { dropTestDatabase } from "../testing/fixtures.ts";
import { tasks } from "./index.ts";
import { maintainActivityPartitionsTask } from "./maintain-activity-partitions.task.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => dropTestDatabase(t));

function monthName(offset: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `record_activity_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const helpers = () => ({
  db: t.db,
  log: { info() {}, error() {} },
  jobId: "1",
  attempts: 1,
  outbound: testOutbound,
});

it("is registered under its name", () => {
  expect(tasks.map((task) => task.name)).toContain("records/maintain-activity-partitions");
});

it("creates partitions ahead, drops those past retention, and is safe to re-run", async () => {
  // An old partition, as if the log had been running for years.
  const old = monthName(-30);
  const from = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 30, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  await sql`create table ${sql.table(old)} partition of record_activity
    for values from (${sql.lit(from.toISOString())}) to (${sql.lit(to.toISOString())})`.execute(t.db);
  expect(await listActivityPartitions(t.db)).toContain(old);

  const payload = maintainActivityPartitionsTask.payload.parse({ monthsAhead: 5, retentionMonths: 24 });
  expect(payload).toEqual({ monthsAhead: 5, retentionMonths: 24 });
  await maintainActivityPartitionsTask.run(payload, helpers());
  const after = await listActivityPartitions(t.db);
  expect(after).not.toContain(old);
  for (const offset of [0, 1, 2, 3, 4, 5]) expect(after).toContain(monthName(offset));
  expect(after).not.toContain(monthName(6));

  await maintainActivityPartitionsTask.run(payload, helpers());
  expect(await listActivityPartitions(t.db)).toEqual(after);
});

it("defaults to three months ahead and validates the payload", () => {
  expect(maintainActivityPartitionsTask.payload.parse({ retentionMonths: 12 })).toEqual({
    monthsAhead: 3,
    retentionMonths: 12,
  });
  expect(maintainActivityPartitionsTask.payload.safeParse({ monthsAhead: 3 }).success).toBe(false);
});
